/*
 * Process entry for the freestanding test programs: the kernel (or the VM) leaves argc at 0($sp) and the
 * argv pointers right after it. main(argc, argv) runs on an 8-byte aligned stack with the 16-byte O32
 * argument save area below it; its return value becomes the exit status of exit_group once io_flush has
 * written any unfinished output line.
 */
        .set    noreorder
        .text
        .globl  _start
        .type   _start, @function
_start:
        lw      $a0, 0($sp)             /* argc */
        addiu   $a1, $sp, 4             /* argv */
        li      $t0, -8
        and     $sp, $sp, $t0
        addiu   $sp, $sp, -16
        jal     main
        nop
        move    $s0, $v0                /* callee-saved across io_flush */
        jal     io_flush
        nop
        move    $a0, $s0
        li      $v0, 4246               /* exit_group */
        syscall
1:      b       1b                      /* exit_group does not return */
        nop
        .size   _start, . - _start
