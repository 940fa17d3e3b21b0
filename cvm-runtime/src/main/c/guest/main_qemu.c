/*
 * A MIPS build for Debian's qemu-mips (user mode), to check the cross-compiled kernels against the Java
 * runtime without the fault-proof VM: reads the files `plan` and `input` from the working directory and
 * writes the output bytes to stdout. Same kernels and flags as the VM build; only the I/O differs.
 */
#include "cvm.h"

u32 sys_write(u32 fd, const void *buf, u32 len);
void *sys_mmap(u32 len);
void sys_exit(u32 code) __attribute__((noreturn));

/* open (4005) and read (4003): $v0 = number, $a0..$a2 arguments, $a3 set on error. */
__asm__(
    "  .set push\n  .set noreorder\n  .text\n"
    "sys_open:\n  li $v0, 4005\n  syscall\n  bnez $a3, 1f\n  nop\n  jr $ra\n  nop\n"
    "1:\n  jr $ra\n  li $v0, -1\n"
    "sys_read:\n  li $v0, 4003\n  syscall\n  bnez $a3, 2f\n  nop\n  jr $ra\n  nop\n"
    "2:\n  jr $ra\n  li $v0, -1\n"
    "  .set pop\n");
i32 sys_open(const char *path, u32 flags, u32 mode);
i32 sys_read(i32 fd, void *buf, u32 len);

void fail(const char *what, u32 where) {
  u32 n = 0;
  while (what[n]) {
    n++;
  }
  sys_write(2, "cvm-guest: ", 11);
  sys_write(2, what, n);
  char num[12];
  u32 k = 11;
  num[k] = '\n';
  do {
    num[--k] = (char) ('0' + where % 10);
    where /= 10;
  } while (where != 0);
  sys_write(2, " ", 1);
  sys_write(2, num + k, 12 - k);
  sys_exit(1);
}

static void *alloc(u32 bytes) {
  void *p = sys_mmap((bytes + 4095) & ~4095u);
  if (p == 0) {
    fail("out of memory: mmap failed for bytes", bytes);
  }
  return p;
}

/* Reads a whole file (at most `cap` bytes) into fresh memory. */
static u8 *slurp(const char *path, u32 cap, u32 *len) {
  i32 fd = sys_open(path, 0, 0);
  if (fd < 0) {
    fail("cannot open file; missing plan or input in the working directory", 0);
  }
  u8 *buf = alloc(cap);
  u32 n = 0;
  for (;;) {
    i32 r = sys_read(fd, buf + n, cap - n);
    if (r < 0) {
      fail("read failed", n);
    }
    if (r == 0) {
      break;
    }
    n += (u32) r;
  }
  *len = n;
  return buf;
}

int main(void) {
  u32 plan_len, input_len;
  const u32 *plan = (const u32 *) slurp("plan", 64u << 20, &plan_len);
  const u8 *input = slurp("input", 16u << 20, &input_len);
  u32 cap = 16u << 20;
  u8 *out = alloc(cap);
  u32 n = run_plan(plan, plan_len / 4, input, input_len, out, cap, alloc);
  sys_write(1, out, n);
  return 0;
}
