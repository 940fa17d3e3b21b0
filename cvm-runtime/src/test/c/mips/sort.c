/*
 * Sorting: quicksort (recursive, Hoare partition) of 2000 pseudo-random signed ints and insertion sort of
 * short strings, each checked. Lines: "quicksort N sorted=1 checksum=HEX", the first and last values,
 * and the sorted words. Values come from x = x * 1103515245 + 12345 (seed 2024), value = (int) x >> 3.
 */
#include "sys.h"

#define N 2000

static int data[N];

static void quicksort(int *a, int lo, int hi) {
  if (lo >= hi) {
    return;
  }
  int pivot = a[lo + (hi - lo) / 2];
  int i = lo - 1;
  int j = hi + 1;
  for (;;) {
    do {
      i++;
    } while (a[i] < pivot);
    do {
      j--;
    } while (a[j] > pivot);
    if (i >= j) {
      break;
    }
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  quicksort(a, lo, j);
  quicksort(a, j + 1, hi);
}

static int compare(const char *a, const char *b) {
  while (*a && *a == *b) {
    a++;
    b++;
  }
  return (unsigned char) *a - (unsigned char) *b;
}

int main(void) {
  uint32_t x = 2024;
  for (int i = 0; i < N; i++) {
    x = x * 1103515245u + 12345u;
    data[i] = (int) x >> 3;
  }
  quicksort(data, 0, N - 1);
  int sorted = 1;
  uint32_t checksum = 0;
  for (int i = 0; i < N; i++) {
    if (i > 0 && data[i - 1] > data[i]) {
      sorted = 0;
    }
    checksum = checksum * 31 + (uint32_t) data[i];
  }
  put_str("quicksort ");
  put_dec(N);
  put_str(" sorted=");
  put_dec(sorted);
  put_str(" checksum=");
  put_hex(checksum);
  put_char('\n');
  put_str("first ");
  put_dec(data[0]);
  put_str(" last ");
  put_dec(data[N - 1]);
  put_char('\n');

  const char *words[] = {"mips", "delay", "slot", "branch", "Merkle", "keccak", "step", "big-endian",
                         "", "zero", "lwl", "lwr", "a", "ab", "abc", "Ab"};
  int n = sizeof words / sizeof words[0];
  for (int i = 1; i < n; i++) {
    const char *w = words[i];
    int j = i - 1;
    while (j >= 0 && compare(words[j], w) > 0) {
      words[j + 1] = words[j];
      j--;
    }
    words[j + 1] = w;
  }
  for (int i = 0; i < n; i++) {
    put_char('[');
    put_str(words[i]);
    put_char(']');
  }
  put_char('\n');
  return sorted ? 0 : 1;
}
