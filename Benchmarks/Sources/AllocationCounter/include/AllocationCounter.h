#ifndef MAQAL_ALLOCATION_COUNTER_H
#define MAQAL_ALLOCATION_COUNTER_H

/// Heap allocations (malloc, calloc, realloc, aligned forms) made by the process so far.
unsigned long long maqal_allocations(void);

#endif
