/* A taken trap: teq $zero, $zero always traps (SIGTRAP under Linux), so the VM must stop with an error. */
        .set    noreorder
        .text
        .globl  main
        .type   main, @function
main:
        teq     $zero, $zero
        jr      $ra
        li      $v0, 0
        .size   main, . - main
