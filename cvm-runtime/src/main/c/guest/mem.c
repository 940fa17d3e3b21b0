/*
 * GCC may call memset and memcpy even in freestanding code (struct copies, loops it recognises), and the
 * MIPS build has no libc. The attribute keeps GCC from turning these loops back into calls to themselves.
 */
#include "cvm.h"

typedef __SIZE_TYPE__ size_t;

__attribute__((optimize("no-tree-loop-distribute-patterns")))
void *memset(void *dst, int v, size_t n) {
  u8 *d = dst;
  for (size_t i = 0; i < n; i++) {
    d[i] = (u8) v;
  }
  return dst;
}

__attribute__((optimize("no-tree-loop-distribute-patterns")))
void *memcpy(void *dst, const void *src, size_t n) {
  u8 *d = dst;
  const u8 *s = src;
  for (size_t i = 0; i < n; i++) {
    d[i] = s[i];
  }
  return dst;
}
