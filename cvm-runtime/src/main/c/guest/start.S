/*
 * Entry point and system calls of the MIPS build (O32: $v0 = number, $a0..$a3 and the stack for
 * arguments, result in $v0, error flag in $a3). The VM sets $sp; nothing else needs initialising.
 */
  .set noreorder
  .text

  .globl _start
  .ent _start
_start:
  jal main
  nop
  move $a0, $v0
  li $v0, 4246          /* exit_group */
  syscall
1:
  b 1b
  nop
  .end _start

/* u32 sys_write(u32 fd, const void *buf, u32 len) */
  .globl sys_write
  .ent sys_write
sys_write:
  li $v0, 4004
  syscall
  jr $ra
  nop
  .end sys_write

/* void *sys_mmap(u32 len): anonymous, private, read-write; returns 0 on failure. */
  .globl sys_mmap
  .ent sys_mmap
sys_mmap:
  addiu $sp, $sp, -32
  move $a1, $a0
  move $a0, $zero
  li $a2, 3             /* PROT_READ | PROT_WRITE */
  li $a3, 0x802         /* MAP_PRIVATE | MAP_ANONYMOUS (MIPS values) */
  li $t0, -1
  sw $t0, 16($sp)       /* fd */
  sw $zero, 20($sp)     /* offset */
  li $v0, 4090
  syscall
  beq $a3, $zero, 2f
  nop
  move $v0, $zero
2:
  jr $ra
  addiu $sp, $sp, 32
  .end sys_mmap

/* void sys_exit(u32 code) */
  .globl sys_exit
  .ent sys_exit
sys_exit:
  li $v0, 4246
  syscall
3:
  b 3b
  nop
  .end sys_exit
