#!/usr/bin/env python3
"""Writes the saved-page fixtures from olive-festival.html, the plain page they all hold.

Each file is the same article as a browser or an extension saves it, written in the shape of that
tool's real output (headers, boundaries, line lengths, folder names) but by this script, never
copied from a saved page. Run it from anywhere; it rewrites the files beside it:

    python3 Fixtures/saved/generate.py

The gzip page is made by the tests themselves (Tests/MaqalTests/SavedPageTests.swift).
"""
import base64
import hashlib
import os
import plistlib

HERE = os.path.dirname(os.path.abspath(__file__))
URL = "https://olive-news.example/news/2024/olive-festival"
HARVEST = "https://olive-news.example/images/harvest.jpg"
PRESS = "https://olive-news.example/images/old-press.jpg"
TITLE = "مهرجان الزيتون يعود إلى قرية عين الصفا بعد غياب خمس سنوات - أخبار الزيتون"

with open(os.path.join(HERE, "olive-festival.html"), encoding="utf-8") as f:
    PAGE = f.read()


def fake_jpeg(label, size):
    """Bytes that start like a JPEG and are otherwise a repeatable hash stream: enough to stand
    for an image part without checking in a real picture."""
    out = bytearray(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(f"{label}-{counter}".encode()).digest()
        counter += 1
    return bytes(out[:size])


def quoted_printable(data):
    """Quoted-printable as Chrome writes it: every byte outside printable ASCII (and `=`) as =XX,
    CRLF line ends kept as hard breaks, other lines cut at 76 columns with a soft break `=`
    wherever the cut falls, also between the bytes of one UTF-8 character."""
    lines = []
    for raw in data.split(b"\n"):
        tokens = []
        for byte in raw.rstrip(b"\r"):
            if byte == 0x3D or byte < 0x20 and byte != 0x09 or byte > 0x7E:
                tokens.append("=%02X" % byte)
            else:
                tokens.append(chr(byte))
        current = ""
        for token in tokens:
            if len(current) + len(token) > 75:
                lines.append(current + "=")
                current = ""
            current += token
        if current.endswith(" ") or current.endswith("\t"):
            current = current[:-1] + "=%02X" % ord(current[-1])
        lines.append(current)
    return "\r\n".join(lines)


def encoded_words(text, charset, kind, chunk):
    """An RFC 2047 header value in `chunk`-byte words, folded one word a line. The bytes are cut
    without regard to characters, so a word may end inside one, as some writers do."""
    data = text.encode(charset)
    words = []
    for start in range(0, len(data), chunk):
        piece = data[start:start + chunk]
        if kind == "B":
            body = base64.b64encode(piece).decode()
        else:
            body = "".join(chr(b) if 0x21 <= b <= 0x7E and b not in b"=?_" else ("_" if b == 0x20 else "=%02X" % b)
                           for b in piece)
        words.append("=?%s?%s?%s?=" % (charset, kind, body))
    return "\r\n ".join(words)


def base64_lines(data):
    encoded = base64.b64encode(data).decode()
    return "\r\n".join(encoded[i:i + 76] for i in range(0, len(encoded), 76))


def write(name, data):
    path = os.path.join(HERE, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


# Chrome and Edge, "Webpage, Single File" (.mhtml): UTF-8, quoted-printable, absolute addresses,
# each frame a text/html part of its own named by a cid: address.
def chrome_mhtml():
    boundary = "----MultipartBoundary--kT3vQ8xZ2mW9pL4rN6yB1cF7hJ5dS0aE----"
    frame_id = "frame-5A1C9E7B3D2F@mhtml.blink"
    page = PAGE.replace('<footer class="site-footer">',
                        '<iframe src="cid:%s" class="ad-slot" width="300" height="250"></iframe>\n'
                        '<footer class="site-footer">' % frame_id)
    frame = ('<html><head><meta charset="utf-8"></head><body><div class="ad">'
             '<p>إعلان: اشترك في نشرة أسعار الزيت الأسبوعية واحصل على خصم على معاصر المنطقة.</p></div></body></html>')
    parts = [
        crlf("Content-Type: text/html\nContent-ID: <frame-0E4D2C8A6B1F@mhtml.blink>\n"
             "Content-Transfer-Encoding: quoted-printable\nContent-Location: %s\n\n" % URL)
        + quoted_printable(page.encode("utf-8")),
        crlf("Content-Type: image/jpeg\nContent-Transfer-Encoding: base64\nContent-Location: %s\n\n" % HARVEST)
        + base64_lines(fake_jpeg("harvest", 600)),
        crlf("Content-Type: text/html\nContent-ID: <%s>\nContent-Transfer-Encoding: quoted-printable\n"
             "Content-Location: https://ads.example/slot/300x250\n\n" % frame_id)
        + quoted_printable(frame.encode("utf-8")),
    ]
    header = crlf("From: <Saved by Blink>\nSnapshot-Content-Location: %s\nSubject: " % URL) \
        + encoded_words(TITLE, "utf-8", "Q", 45) \
        + crlf("\nDate: Sat, 12 Oct 2024 10:15:00 +0300\nMIME-Version: 1.0\nContent-Type: multipart/related;\n"
               "\ttype=\"text/html\";\n\tboundary=\"%s\"\n\n\n" % boundary)
    body = "".join("--%s\r\n%s\r\n" % (boundary, part) for part in parts) + "--%s--\r\n" % boundary
    write("olive-festival-chrome.mhtml", (header + body).encode("ascii"))


# Internet Explorer, "Web Archive, single file" (.mht) of a windows-1256 page: the charset only in
# the part's header, images named by cid: addresses.
def ie_mht():
    boundary = "----=_NextPart_000_0000_01DB1C4A.6F2E3D10"
    page = PAGE.replace('<meta charset="utf-8">\n', "")
    page = page.replace('src="%s"' % HARVEST, 'src="cid:harvest.jpg@01DB1C4A.6F2E3D10"')
    parts = [
        crlf("Content-Type: text/html;\n\tcharset=\"windows-1256\"\nContent-Transfer-Encoding: quoted-printable\n"
             "Content-Location: %s\n\n" % URL) + quoted_printable(page.encode("cp1256")),
        crlf("Content-Type: image/jpeg\nContent-Transfer-Encoding: base64\n"
             "Content-ID: <harvest.jpg@01DB1C4A.6F2E3D10>\nContent-Location: %s\n\n" % HARVEST)
        + base64_lines(fake_jpeg("harvest", 600)),
    ]
    header = crlf("From: <Saved by Windows Internet Explorer 11>\nSubject: ") \
        + encoded_words(TITLE, "windows-1256", "B", 30) \
        + crlf("\nDate: Sat, 12 Oct 2024 10:15:00 +0300\nMIME-Version: 1.0\nContent-Type: multipart/related;\n"
               "\ttype=\"text/html\";\n\tboundary=\"%s\"\nX-MimeOLE: Produced By Microsoft MimeOLE\n\n"
               "This is a multi-part message in MIME format.\n\n" % boundary)
    body = "".join("--%s\r\n%s\r\n" % (boundary, part) for part in parts) + "--%s--\r\n" % boundary
    write("olive-festival-ie-1256.mht", (header + body).encode("ascii"))


# Safari (.webarchive): a binary property list; the main resource, one image as a subresource.
def webarchive():
    archive = {
        "WebMainResource": {
            "WebResourceData": PAGE.encode("utf-8"),
            "WebResourceFrameName": "",
            "WebResourceMIMEType": "text/html",
            "WebResourceTextEncodingName": "UTF-8",
            "WebResourceURL": URL,
        },
        "WebSubresources": [{
            "WebResourceData": fake_jpeg("harvest", 300),
            "WebResourceMIMEType": "image/jpeg",
            "WebResourceURL": HARVEST,
        }],
    }
    write("olive-festival-safari.webarchive", plistlib.dumps(archive, fmt=plistlib.FMT_BINARY, sort_keys=True))


# SingleFile (browser extension): one HTML file, its opening comment naming the address, every
# image inlined as a data: URI, scripts removed.
def singlefile():
    page = PAGE.replace('<html lang="ar" dir="rtl">\n', '<html lang="ar" dir="rtl"><!--\n Page saved with SingleFile \n'
                        ' url: %s \n saved date: Sat Oct 12 2024 10:15:00 GMT+0300 (Arabian Standard Time)\n-->' % URL)
    for label, address in (("harvest", HARVEST), ("press", PRESS)):
        inlined = "data:image/jpeg;base64," + base64.b64encode(fake_jpeg(label, 2400)).decode()
        page = page.replace('src="%s"' % address, 'src="%s"' % inlined)
    # A lazy-loading placeholder SingleFile leaves in place: too small to be a picture.
    page = page.replace('<div class="share-buttons">', '<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///'
                        'yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" alt="">\n<div class="share-buttons">')
    write("olive-festival-singlefile.html", page.encode("utf-8"))


# Chrome, "Webpage, Complete": the page with its "saved from" mark, its files in
# olive-festival_files/ beside it (an iframe's page among them), addresses into it relative.
def complete():
    page = PAGE.replace("<!DOCTYPE html>\n", "<!DOCTYPE html>\n<!-- saved from url=(%04d)%s -->\n" % (len(URL), URL))
    page = page.replace('src="%s"' % HARVEST, 'src="./olive-festival_files/harvest.jpg"')
    page = page.replace('src="%s"' % PRESS, 'src="./olive-festival_files/old-press.jpg"')
    page = page.replace('<footer class="site-footer">', '<iframe src="./olive-festival_files/comments.html" '
                        'class="comments-frame"></iframe>\n<footer class="site-footer">')
    write("complete/olive-festival.html", page.encode("utf-8"))
    write("complete/olive-festival_files/harvest.jpg", fake_jpeg("harvest", 300))
    write("complete/olive-festival_files/old-press.jpg", fake_jpeg("press", 300))
    write("complete/olive-festival_files/saved_resource.html", (
        '<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>إعلان</title></head><body>'
        '<p>إعلان: اشترك في نشرة أسعار الزيت الأسبوعية واحصل على خصم على معاصر المنطقة.</p></body></html>\n'
    ).encode("utf-8"))
    write("complete/olive-festival_files/comments.html", (
        '<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>التعليقات</title></head><body>'
        '<article class="comment"><p>أحمد: كان المهرجان رائعاً هذا العام، وأتمنى أن يستمر كل سنة دون انقطاع.</p>'
        '</article><article class="comment"><p>ليلى: زيت هذا الموسم أطيب من زيت العام الماضي بكثير، شكراً للمنظمين.</p>'
        '</article></body></html>\n').encode("utf-8"))


chrome_mhtml()
ie_mht()
webarchive()
singlefile()
complete()
