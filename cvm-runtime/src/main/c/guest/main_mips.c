/*
 * The MIPS build's main: the model plan, the input and the output live at fixed addresses that the
 * Java side fills and reads (GuestMemoryMap.java, docs/mips-guest.md).
 */
#include "cvm.h"

#define PLAN_ADDR 0x10000000u
#define PLAN_MAX_WORDS ((0x20000000u - PLAN_ADDR) / 4)
#define INPUT_ADDR 0x30000000u
#define INPUT_MAX (0x31000000u - INPUT_ADDR - 4)
#define OUTPUT_ADDR 0x32000000u
#define OUTPUT_MAX 0x01000000u

u32 sys_write(u32 fd, const void *buf, u32 len);
void *sys_mmap(u32 len);
void sys_exit(u32 code) __attribute__((noreturn));


void fail(const char *what, u32 where) {
  static char line[128];
  static const char prefix[] = "cvm-guest: ";
  u32 n = 0;
  for (u32 i = 0; prefix[i]; i++) {
    line[n++] = prefix[i];
  }
  for (u32 i = 0; what[i] && n < 100; i++) {
    line[n++] = what[i];
  }
  line[n++] = ' ';
  /* Decimal without a division instruction: subtract powers of ten. */
  static const u32 pow10[] = {1000000000u, 100000000u, 10000000u, 1000000u, 100000u, 10000u, 1000u,
      100u, 10u, 1u};
  int started = 0;
  for (u32 k = 0; k < 10; k++) {
    u32 digit = 0;
    while (where >= pow10[k]) {
      where -= pow10[k];
      digit++;
    }
    if (digit || started || k == 9) {
      line[n++] = (char) ('0' + digit);
      started = 1;
    }
  }
  line[n++] = '\n';
  sys_write(2, line, n);
  sys_exit(1);
}

static void *alloc(u32 bytes) {
  void *p = sys_mmap((bytes + 4095) & ~4095u);
  if (p == 0) {
    fail("out of memory: mmap failed for bytes", bytes);
  }
  return p;
}

int main(void) {
  const u32 *plan = (const u32 *) PLAN_ADDR;
  u32 words = plan[H_WORDS];
  if (plan[H_MAGIC] != PLAN_MAGIC || words > PLAN_MAX_WORDS) {
    fail("plan: no CVM plan at 0x10000000; magic", plan[H_MAGIC]);
  }
  u32 input_len = *(const u32 *) INPUT_ADDR;
  if (input_len > INPUT_MAX) {
    fail("input: length word too large", input_len);
  }
  u8 *out = (u8 *) OUTPUT_ADDR;
  u32 n = run_plan(plan, words, (const u8 *) (INPUT_ADDR + 4), input_len, out + 4, OUTPUT_MAX, alloc);
  *(u32 *) OUTPUT_ADDR = n;
  return 0;
}
