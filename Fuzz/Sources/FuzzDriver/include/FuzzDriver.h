#ifndef MAQAL_FUZZ_DRIVER_H
#define MAQAL_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Hands the process to libFuzzer with `test_one_input` as the target.
///
/// SwiftPM links an executable's `main` to `<Module>_main`, which `-parse-as-library` never
/// emits (Swift 6.3 on Linux: "undefined symbol 'FuzzParse_main'"), so libFuzzer's own `main`
/// cannot be used; each target's main.swift calls this instead.
int maqal_fuzz_run(int argc, char **argv, int (*test_one_input)(const uint8_t *data, size_t size));

#endif
