/*
 * Every MIPS32 instruction the VM implements (mips-fault-proof.md §3.2), including the ones gcc rarely or
 * never emits, each with hand-derived expected results. CHECK records (name, value, expected) triples; at
 * the end report_checks (io.c) prints one "name = value" line per check, marks mismatches with
 * "FAIL expected ...", prints "checks N failures F" and main returns F (so 0 means all passed).
 *
 * Delay slots are explicit (.set noreorder): the instruction after every branch or jump always runs, and
 * several checks observe exactly that. add/addi/sub are only used where they cannot overflow, because a
 * real MIPS traps on signed overflow while the fault-proof VM (like cannon) does not.
 *
 * Register use: $s0 is the result cursor and $t9 the macro scratch; tests use neither.
 */
        .set    noreorder

        .macro  CHECK reg, expected, name
        .pushsection .rodata
.Lname\@:
        .asciz  "\name"
        .popsection
        sw      \reg, 4($s0)
        lui     $t9, %hi(.Lname\@)
        addiu   $t9, $t9, %lo(.Lname\@)
        sw      $t9, 0($s0)
        li      $t9, \expected
        sw      $t9, 8($s0)
        addiu   $s0, $s0, 12
        .endm

        /* An address without the $at-using la macro. */
        .macro  ADDR reg, symbol
        lui     \reg, %hi(\symbol)
        addiu   \reg, \reg, %lo(\symbol)
        .endm

        .data
        .align  2
loaddata:
        .word   0x11223344, 0x8899aabb
scratch:
        .word   0, 0, 0, 0

        .bss
        .align  2
results:
        .space  12 * 400

        .text
        .globl  main
        .type   main, @function
main:
        addiu   $sp, $sp, -32
        sw      $ra, 28($sp)
        sw      $s0, 24($sp)
        ADDR    $s0, results

/* ---- immediates: lui, ori/andi/xori zero-extend, addiu/slti sign-extend ---- */
        lui     $t0, 0x8001
        CHECK   $t0, 0x80010000, "lui 0x8001"
        ori     $t1, $zero, 0x8000
        CHECK   $t1, 0x00008000, "ori 0 0x8000"
        ori     $t1, $t0, 0xffff
        CHECK   $t1, 0x8001ffff, "ori 0x80010000 0xffff"
        xori    $t1, $t0, 0x8000
        CHECK   $t1, 0x80018000, "xori 0x80010000 0x8000"
        addiu   $t2, $zero, -1
        CHECK   $t2, 0xffffffff, "addiu 0 -1"
        andi    $t1, $t2, 0x8000
        CHECK   $t1, 0x00008000, "andi -1 0x8000"
        xori    $t1, $t2, 0xffff
        CHECK   $t1, 0xffff0000, "xori -1 0xffff"
        addiu   $t1, $t0, -1
        CHECK   $t1, 0x8000ffff, "addiu 0x80010000 -1"
        addi    $t1, $t0, 0x7fff
        CHECK   $t1, 0x80017fff, "addi 0x80010000 0x7fff"
        addi    $t1, $t2, -32768
        CHECK   $t1, 0xffff7fff, "addi -1 -32768"

/* ---- register ALU ---- */
        li      $t0, 0x0f0f00ff
        li      $t1, 0x00ff0f0f
        and     $t2, $t0, $t1
        CHECK   $t2, 0x000f000f, "and"
        or      $t2, $t0, $t1
        CHECK   $t2, 0x0fff0fff, "or"
        xor     $t2, $t0, $t1
        CHECK   $t2, 0x0ff00ff0, "xor"
        nor     $t2, $t0, $t1
        CHECK   $t2, 0xf000f000, "nor"
        nor     $t2, $zero, $zero
        CHECK   $t2, 0xffffffff, "nor 0 0"
        li      $t0, 0x7fffffff
        li      $t1, 1
        addu    $t2, $t0, $t1
        CHECK   $t2, 0x80000000, "addu wraps"
        subu    $t2, $zero, $t1
        CHECK   $t2, 0xffffffff, "subu 0 1"
        li      $t3, -3
        li      $t4, 5
        add     $t2, $t4, $t3
        CHECK   $t2, 2, "add 5 -3"
        sub     $t2, $t3, $t4
        CHECK   $t2, 0xfffffff8, "sub -3 5"
        addu    $zero, $t0, $t1
        CHECK   $zero, 0, "write to $zero is dropped"

/* ---- shifts ---- */
        li      $t0, 0x87654321
        li      $t1, 0x47654321
        sll     $t2, $t0, 0
        CHECK   $t2, 0x87654321, "sll 0"
        sll     $t2, $t0, 4
        CHECK   $t2, 0x76543210, "sll 4"
        sll     $t2, $t0, 31
        CHECK   $t2, 0x80000000, "sll 31"
        srl     $t2, $t0, 4
        CHECK   $t2, 0x08765432, "srl 4"
        srl     $t2, $t0, 31
        CHECK   $t2, 1, "srl 31"
        sra     $t2, $t0, 4
        CHECK   $t2, 0xf8765432, "sra 4"
        sra     $t2, $t0, 16
        CHECK   $t2, 0xffff8765, "sra 16"
        sra     $t2, $t0, 31
        CHECK   $t2, 0xffffffff, "sra 31"
        sra     $t2, $t1, 31
        CHECK   $t2, 0, "sra 31 positive"
        sra     $t2, $t1, 4
        CHECK   $t2, 0x04765432, "sra 4 positive"
        li      $t3, 8
        sllv    $t2, $t0, $t3
        CHECK   $t2, 0x65432100, "sllv 8"
        li      $t3, 36
        sllv    $t2, $t0, $t3
        CHECK   $t2, 0x76543210, "sllv 36 uses the low 5 bits"
        li      $t3, 12
        srlv    $t2, $t0, $t3
        CHECK   $t2, 0x00087654, "srlv 12"
        li      $t3, -1
        srlv    $t2, $t0, $t3
        CHECK   $t2, 1, "srlv -1 is srlv 31"
        li      $t3, 8
        srav    $t2, $t0, $t3
        CHECK   $t2, 0xff876543, "srav 8"
        li      $t3, 33
        srav    $t2, $t0, $t3
        CHECK   $t2, 0xc3b2a190, "srav 33 uses the low 5 bits"
        li      $t3, 20
        srav    $t2, $t1, $t3
        CHECK   $t2, 0x00000476, "srav 20 positive"
        srav    $t2, $t0, $zero
        CHECK   $t2, 0x87654321, "srav 0"

/* ---- comparisons ---- */
        li      $t0, -1
        li      $t1, 1
        slt     $t2, $t0, $t1
        CHECK   $t2, 1, "slt -1 1"
        sltu    $t2, $t0, $t1
        CHECK   $t2, 0, "sltu 0xffffffff 1"
        slt     $t2, $t1, $t0
        CHECK   $t2, 0, "slt 1 -1"
        sltu    $t2, $t1, $t0
        CHECK   $t2, 1, "sltu 1 0xffffffff"
        slt     $t2, $t1, $t1
        CHECK   $t2, 0, "slt equal"
        li      $t3, -5
        slti    $t2, $t3, -4
        CHECK   $t2, 1, "slti -5 -4"
        li      $t3, 0x7fffffff
        slti    $t2, $t3, -1
        CHECK   $t2, 0, "slti 0x7fffffff -1"
        li      $t3, 5
        sltiu   $t2, $t3, -1
        CHECK   $t2, 1, "sltiu 5 0xffffffff"
        li      $t3, 0xfffffff0
        sltiu   $t2, $t3, -1
        CHECK   $t2, 1, "sltiu 0xfffffff0 0xffffffff"
        sltiu   $t2, $t0, -1
        CHECK   $t2, 0, "sltiu 0xffffffff 0xffffffff"
        li      $t3, 0x8000
        sltiu   $t2, $t3, 0x7fff
        CHECK   $t2, 0, "sltiu 0x8000 0x7fff"
        sltiu   $t2, $zero, 1
        CHECK   $t2, 1, "sltiu 0 1"

/* ---- clz / clo ---- */
        clz     $t2, $zero
        CHECK   $t2, 32, "clz 0"
        li      $t0, 1
        clz     $t2, $t0
        CHECK   $t2, 31, "clz 1"
        li      $t0, 0x80000000
        clz     $t2, $t0
        CHECK   $t2, 0, "clz 0x80000000"
        li      $t0, 0x00f00000
        clz     $t2, $t0
        CHECK   $t2, 8, "clz 0x00f00000"
        li      $t0, -1
        clo     $t2, $t0
        CHECK   $t2, 32, "clo 0xffffffff"
        clo     $t2, $zero
        CHECK   $t2, 0, "clo 0"
        li      $t0, 0xfff0ffff
        clo     $t2, $t0
        CHECK   $t2, 12, "clo 0xfff0ffff"
        li      $t0, 0x7fffffff
        clo     $t2, $t0
        CHECK   $t2, 0, "clo 0x7fffffff"

/* ---- movn / movz ---- */
        li      $t0, 0xabcd
        li      $t1, 7
        li      $t2, 0x1111
        movz    $t2, $t0, $zero
        CHECK   $t2, 0xabcd, "movz taken"
        li      $t2, 0x1111
        movz    $t2, $t0, $t1
        CHECK   $t2, 0x1111, "movz not taken"
        li      $t2, 0x1111
        movn    $t2, $t0, $t1
        CHECK   $t2, 0xabcd, "movn taken"
        li      $t2, 0x1111
        movn    $t2, $t0, $zero
        CHECK   $t2, 0x1111, "movn not taken"

/* ---- HI/LO: mult, multu, mul, madd, maddu, msub, msubu, mthi, mtlo ---- */
        li      $t0, -3
        li      $t1, 7
        mult    $t0, $t1
        mfhi    $t2
        mflo    $t3
        CHECK   $t2, 0xffffffff, "mult -3 7 hi"
        CHECK   $t3, 0xffffffeb, "mult -3 7 lo"
        li      $t0, -1
        multu   $t0, $t0
        mfhi    $t2
        mflo    $t3
        CHECK   $t2, 0xfffffffe, "multu 0xffffffff^2 hi"
        CHECK   $t3, 0x00000001, "multu 0xffffffff^2 lo"
        li      $t0, 0x80000000
        mult    $t0, $t0
        mfhi    $t2
        mflo    $t3
        CHECK   $t2, 0x40000000, "mult INT_MIN^2 hi"
        CHECK   $t3, 0, "mult INT_MIN^2 lo"
        li      $t0, 0x12345678
        li      $t1, 0x9abcdef0
        mult    $t0, $t1
        mfhi    $t2
        CHECK   $t2, 0xf8cc93d6, "mult signed hi"
        multu   $t0, $t1
        mfhi    $t2
        mflo    $t3
        CHECK   $t2, 0x0b00ea4e, "multu hi"
        CHECK   $t3, 0x242d2080, "multu lo"
        li      $t4, 0x5555
        mthi    $t4
        mtlo    $t4
        mul     $t2, $t0, $t1
        CHECK   $t2, 0x242d2080, "mul"
        mfhi    $t3
        CHECK   $t3, 0x5555, "mul leaves HI"
        mflo    $t3
        CHECK   $t3, 0x5555, "mul leaves LO"
        li      $t0, 1
        li      $t1, 0xfffffff0
        li      $t2, -3
        li      $t3, 7
        mthi    $t0
        mtlo    $t1
        madd    $t2, $t3
        mfhi    $t4
        mflo    $t5
        CHECK   $t4, 0x00000001, "madd hi"
        CHECK   $t5, 0xffffffdb, "madd lo"
        mthi    $t0
        mtlo    $t1
        maddu   $t2, $t3
        mfhi    $t4
        mflo    $t5
        CHECK   $t4, 0x00000008, "maddu hi"
        CHECK   $t5, 0xffffffdb, "maddu lo"
        mthi    $t0
        mtlo    $t1
        msub    $t2, $t3
        mfhi    $t4
        mflo    $t5
        CHECK   $t4, 0x00000002, "msub hi"
        CHECK   $t5, 0x00000005, "msub lo"
        mthi    $t0
        mtlo    $t1
        msubu   $t2, $t3
        mfhi    $t4
        mflo    $t5
        CHECK   $t4, 0xfffffffb, "msubu hi"
        CHECK   $t5, 0x00000005, "msubu lo"
        li      $t6, 0x80000000
        mthi    $t0
        mtlo    $t1
        madd    $t6, $t6
        mfhi    $t4
        mflo    $t5
        CHECK   $t4, 0x40000001, "madd INT_MIN^2 hi"
        CHECK   $t5, 0xfffffff0, "madd INT_MIN^2 lo"
        li      $t6, -1
        mthi    $t0
        mtlo    $t1
        msubu   $t6, $t6
        mfhi    $t4
        mflo    $t5
        CHECK   $t4, 0x00000003, "msubu 0xffffffff^2 hi"
        CHECK   $t5, 0xffffffef, "msubu 0xffffffff^2 lo"

/* ---- div / divu (raw instructions: no zero check) ---- */
        li      $t0, 7
        li      $t1, -2
        div     $zero, $t0, $t1
        mflo    $t2
        mfhi    $t3
        CHECK   $t2, 0xfffffffd, "div 7 -2 quotient"
        CHECK   $t3, 1, "div 7 -2 remainder"
        li      $t0, -7
        li      $t1, 2
        div     $zero, $t0, $t1
        mflo    $t2
        mfhi    $t3
        CHECK   $t2, 0xfffffffd, "div -7 2 quotient"
        CHECK   $t3, 0xffffffff, "div -7 2 remainder"
        li      $t0, 0x80000000
        li      $t1, -1
        div     $zero, $t0, $t1
        mflo    $t2
        mfhi    $t3
        CHECK   $t2, 0x80000000, "div INT_MIN -1 quotient"
        CHECK   $t3, 0, "div INT_MIN -1 remainder"
        li      $t0, 0x9abcdef0
        li      $t1, 0x12345678
        div     $zero, $t0, $t1
        mflo    $t2
        mfhi    $t3
        CHECK   $t2, 0xfffffffb, "div signed quotient"
        CHECK   $t3, 0xf5c28f48, "div signed remainder"
        divu    $zero, $t0, $t1
        mflo    $t2
        mfhi    $t3
        CHECK   $t2, 8, "divu quotient"
        CHECK   $t3, 0x091a2b30, "divu remainder"
        li      $t0, -1
        li      $t1, 16
        divu    $zero, $t0, $t1
        mflo    $t2
        mfhi    $t3
        CHECK   $t2, 0x0fffffff, "divu 0xffffffff 16 quotient"
        CHECK   $t3, 15, "divu 0xffffffff 16 remainder"
        teq     $t1, $zero              /* not taken: 16 != 0 */
        CHECK   $t1, 16, "teq not taken"

/* ---- loads: lb lbu lh lhu lw, every byte offset ---- */
        ADDR    $t8, loaddata
        lb      $t2, 0($t8)
        CHECK   $t2, 0x11, "lb 0"
        lb      $t2, 1($t8)
        CHECK   $t2, 0x22, "lb 1"
        lb      $t2, 3($t8)
        CHECK   $t2, 0x44, "lb 3"
        lb      $t2, 4($t8)
        CHECK   $t2, 0xffffff88, "lb 4"
        lb      $t2, 6($t8)
        CHECK   $t2, 0xffffffaa, "lb 6"
        lb      $t2, 7($t8)
        CHECK   $t2, 0xffffffbb, "lb 7"
        lbu     $t2, 5($t8)
        CHECK   $t2, 0x99, "lbu 5"
        lbu     $t2, 7($t8)
        CHECK   $t2, 0xbb, "lbu 7"
        lbu     $t2, 2($t8)
        CHECK   $t2, 0x33, "lbu 2"
        lh      $t2, 0($t8)
        CHECK   $t2, 0x1122, "lh 0"
        lh      $t2, 2($t8)
        CHECK   $t2, 0x3344, "lh 2"
        lh      $t2, 4($t8)
        CHECK   $t2, 0xffff8899, "lh 4"
        lh      $t2, 6($t8)
        CHECK   $t2, 0xffffaabb, "lh 6"
        lhu     $t2, 4($t8)
        CHECK   $t2, 0x8899, "lhu 4"
        lhu     $t2, 6($t8)
        CHECK   $t2, 0xaabb, "lhu 6"
        addiu   $t7, $t8, 8
        lw      $t2, -4($t7)
        CHECK   $t2, 0x8899aabb, "lw negative offset"

/* ---- lwl / lwr: each byte offset alone (merging into 0xdeadbeef) and as unaligned pairs ---- */
        li      $t2, 0xdeadbeef
        lwl     $t2, 0($t8)
        CHECK   $t2, 0x11223344, "lwl 0"
        li      $t2, 0xdeadbeef
        lwl     $t2, 1($t8)
        CHECK   $t2, 0x223344ef, "lwl 1"
        li      $t2, 0xdeadbeef
        lwl     $t2, 2($t8)
        CHECK   $t2, 0x3344beef, "lwl 2"
        li      $t2, 0xdeadbeef
        lwl     $t2, 3($t8)
        CHECK   $t2, 0x44adbeef, "lwl 3"
        li      $t2, 0xdeadbeef
        lwr     $t2, 0($t8)
        CHECK   $t2, 0xdeadbe11, "lwr 0"
        li      $t2, 0xdeadbeef
        lwr     $t2, 1($t8)
        CHECK   $t2, 0xdead1122, "lwr 1"
        li      $t2, 0xdeadbeef
        lwr     $t2, 2($t8)
        CHECK   $t2, 0xde112233, "lwr 2"
        li      $t2, 0xdeadbeef
        lwr     $t2, 3($t8)
        CHECK   $t2, 0x11223344, "lwr 3"
        lwl     $t2, 1($t8)
        lwr     $t2, 4($t8)
        CHECK   $t2, 0x22334488, "lwl/lwr pair at 1"
        lwl     $t2, 2($t8)
        lwr     $t2, 5($t8)
        CHECK   $t2, 0x33448899, "lwl/lwr pair at 2"
        lwl     $t2, 3($t8)
        lwr     $t2, 6($t8)
        CHECK   $t2, 0x448899aa, "lwl/lwr pair at 3"

/* ---- stores: sb sh swl swr sw, each onto a fresh 0x11223344 ---- */
        ADDR    $t7, scratch
        li      $t0, 0x11223344
        li      $t1, 0xaabbccdd

        .macro  STORE insn, offset, expected, name
        sw      $t0, 0($t7)
        \insn   $t1, \offset($t7)
        lw      $t2, 0($t7)
        CHECK   $t2, \expected, "\name"
        .endm

        STORE   sb, 0, 0xdd223344, "sb 0"
        STORE   sb, 1, 0x11dd3344, "sb 1"
        STORE   sb, 2, 0x1122dd44, "sb 2"
        STORE   sb, 3, 0x112233dd, "sb 3"
        STORE   sh, 0, 0xccdd3344, "sh 0"
        STORE   sh, 2, 0x1122ccdd, "sh 2"
        STORE   swl, 0, 0xaabbccdd, "swl 0"
        STORE   swl, 1, 0x11aabbcc, "swl 1"
        STORE   swl, 2, 0x1122aabb, "swl 2"
        STORE   swl, 3, 0x112233aa, "swl 3"
        STORE   swr, 0, 0xdd223344, "swr 0"
        STORE   swr, 1, 0xccdd3344, "swr 1"
        STORE   swr, 2, 0xbbccdd44, "swr 2"
        STORE   swr, 3, 0xaabbccdd, "swr 3"
        sw      $t0, 0($t7)
        li      $t3, 0x8899aabb
        sw      $t3, 4($t7)
        swl     $t1, 1($t7)
        swr     $t1, 4($t7)
        lw      $t2, 0($t7)
        lw      $t3, 4($t7)
        CHECK   $t2, 0x11aabbcc, "swl/swr pair at 1, first word"
        CHECK   $t3, 0xdd99aabb, "swl/swr pair at 1, second word"

/* ---- ll / sc: an atomic increment loop; sc succeeds and writes 1 ---- */
        li      $t0, 41
        sw      $t0, 8($t7)
1:      ll      $t2, 8($t7)
        addiu   $t2, $t2, 1
        sc      $t2, 8($t7)
        beqz    $t2, 1b
        nop
        CHECK   $t2, 1, "sc result"
        lw      $t3, 8($t7)
        CHECK   $t3, 42, "sc stored"
        sync
        CHECK   $t3, 42, "sync"

/* ---- conditional branches: $t0 counts 1 for the delay slot and 0x10 for the fall-through path ---- */
        .macro  BRANCH insn, operands, expected, name
        move    $t0, $zero
        \insn   \operands, 9f
        addiu   $t0, $t0, 1
        addiu   $t0, $t0, 0x10
9:      CHECK   $t0, \expected, "\name"
        .endm

        li      $t1, 5
        li      $t2, 5
        li      $t3, -1
        li      $t4, 1
        BRANCH  beq, "$t1, $t2", 0x01, "beq taken"
        BRANCH  beq, "$t1, $t3", 0x11, "beq not taken"
        BRANCH  bne, "$t1, $t3", 0x01, "bne taken"
        BRANCH  bne, "$t1, $t2", 0x11, "bne not taken"
        BRANCH  blez, "$zero", 0x01, "blez 0 taken"
        BRANCH  blez, "$t3", 0x01, "blez -1 taken"
        BRANCH  blez, "$t4", 0x11, "blez 1 not taken"
        BRANCH  bgtz, "$t4", 0x01, "bgtz 1 taken"
        BRANCH  bgtz, "$zero", 0x11, "bgtz 0 not taken"
        BRANCH  bgtz, "$t3", 0x11, "bgtz -1 not taken"
        BRANCH  bltz, "$t3", 0x01, "bltz -1 taken"
        BRANCH  bltz, "$zero", 0x11, "bltz 0 not taken"
        BRANCH  bgez, "$zero", 0x01, "bgez 0 taken"
        BRANCH  bgez, "$t4", 0x01, "bgez 1 taken"
        BRANCH  bgez, "$t3", 0x11, "bgez -1 not taken"

        /* A branch compares the registers as they were before its delay slot. */
        move    $t0, $zero
        beq     $t1, $t2, 2f
        addiu   $t1, $t1, 1             /* runs after the comparison */
        addiu   $t0, $t0, 0x10
2:      CHECK   $t0, 0, "beq reads operands before the delay slot"
        CHECK   $t1, 6, "delay slot of a taken beq ran"

        /* A backward branch: count down from 3; the delay slot adds to $t0 on every iteration. */
        li      $t1, 3
        move    $t0, $zero
3:      addiu   $t1, $t1, -1
        bgtz    $t1, 3b
        addiu   $t0, $t0, 1
        CHECK   $t0, 3, "backward bgtz loop"

/* ---- linking branches: bltzal and bgezal link $ra = branch + 8 taken or not ---- */
        .macro  LINK insn, reg, expected, name
        move    $t0, $zero
        \insn   \reg, 8f
        addiu   $t0, $t0, 1
7:      addiu   $t0, $t0, 0x10
8:      ADDR    $t5, 7b
        subu    $t5, $ra, $t5
        CHECK   $t0, \expected, "\name"
        CHECK   $t5, 0, "\name links branch+8"
        .endm

        li      $t3, -1
        LINK    bltzal, $t3, 0x01, "bltzal -1 taken"
        LINK    bltzal, $zero, 0x11, "bltzal 0 not taken"
        LINK    bgezal, $zero, 0x01, "bgezal 0 taken"
        LINK    bgezal, $t3, 0x11, "bgezal -1 not taken"

/* ---- jumps: j, jal, jr, jalr with rd != 31 ---- */
        move    $t0, $zero
        j       4f
        addiu   $t0, $t0, 1
        addiu   $t0, $t0, 0x10
4:      CHECK   $t0, 1, "j skips and runs its delay slot"

        move    $t0, $zero
        jal     add_seven
        addiu   $t0, $t0, 1             /* runs before add_seven */
5:      CHECK   $t0, 8, "jal calls with the delay slot first"
        ADDR    $t5, 5b
        subu    $t5, $ra, $t5
        CHECK   $t5, 0, "jal links jal+8"

        ADDR    $t6, 6f
        move    $t0, $zero
        jr      $t6
        addiu   $t6, $t6, 8             /* too late to change the target */
        addiu   $t0, $t0, 0x10
6:      CHECK   $t0, 0, "jr uses the register as read before the delay slot"

        ADDR    $t6, add_seven
        move    $t0, $zero
        move    $t4, $ra
        jalr    $t3, $t6                /* links $t3; add_seven returns through $ra, so set it */
        move    $ra, $t3
10:     CHECK   $t0, 7, "jalr rd=$t3 calls"
        ADDR    $t5, 10b
        subu    $t5, $t3, $t5
        CHECK   $t5, 0, "jalr links rd=$t3 with jalr+8"

/* ---- report ---- */
        ADDR    $a0, results
        move    $a1, $s0
        jal     report_checks
        nop
        lw      $ra, 28($sp)
        lw      $s0, 24($sp)
        jr      $ra
        addiu   $sp, $sp, 32
        .size   main, . - main

        /* Adds 7 to $t0 and returns; leaf, so it touches nothing else. */
        .type   add_seven, @function
add_seven:
        jr      $ra
        addiu   $t0, $t0, 7
        .size   add_seven, . - add_seven
