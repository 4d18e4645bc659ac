;; Dense float64 kernels in WebAssembly SIMD, the source of `_kernels_wasm.ts`.
;; Rebuild with `deno task build:wasm`; `build_test.ts` checks that the
;; committed bytes still match this text.
;;
;; The build makes two modules from this one text: as written (relaxed SIMD,
;; `f64x2.relaxed_madd` is a fused multiply-add on x86 with FMA and on ARM),
;; and a plain-SIMD one for engines without relaxed SIMD, in which every
;; `(f64x2.relaxed_madd X Y Z)` of `local.get`s and `v128.const`s becomes
;; `(f64x2.add (f64x2.mul X Y) Z)`. Keep every relaxed_madd in that form.
;;
;; Memory is owned by the caller (core/_wasm/_matmul.ts): it copies the
;; operands in, says where the scratch areas are, and copies the result out.
;; Nothing here keeps state between calls (no globals), so two threads can run
;; `matmul` at once on disjoint parts of the memory.
;; All pointers are byte addresses, all lengths and strides count float64s.

(module
  ;; Lanes outside a kernel's safe range (NaN, infinities, subnormal results,
  ;; huge arguments) and the odd last element go to these, so the edge cases
  ;; are exactly the engine's own.
  (import "Math" "exp" (func $Math.exp (param f64) (result f64)))
  (import "Math" "log" (func $Math.log (param f64) (result f64)))
  (import "Math" "sin" (func $Math.sin (param f64) (result f64)))
  (import "Math" "cos" (func $Math.cos (param f64) (result f64)))
  (import "Math" "tanh" (func $Math.tanh (param f64) (result f64)))
  ;; The memory is the caller's (core/_wasm/_instance.ts): shared, so that a
  ;; helper thread's instance of this module works on the same bytes, where the
  ;; engine allows shared memory; the build makes an unshared variant for the
  ;; others (browser pages that are not cross-origin isolated). At most 2 GiB:
  ;; every address is an i32 the callers keep below 2^31.
  (import "env" "memory" (memory 1 32768 shared))

  ;; Matrix product, C = A B, the way BLIS and OpenBLAS do it: B is cut into
  ;; blocks of kc x nc that are packed into 4-column panels (`$packB`), A into
  ;; blocks of mc x kc packed into 6-row panels (`$packA`), and a 6 x 4
  ;; micro-kernel (`$tile`) multiplies one panel of each, holding its 24
  ;; results in 12 f64x2 registers for the whole depth kc (with the two of B
  ;; and one of A, 15: all V8 allocates on x64; 6 x 4 measured 8% faster than
  ;; 4 x 4 at 256). Packing makes every
  ;; load in the inner loop sequential; the block sizes keep the packed A in
  ;; L2 and a packed B panel in L1 while they are reused.
  ;;
  ;; A is m x k read at `$a` with strides (`$ars`, `$acs`), so transposed and
  ;; broadcast views need no copy; B likewise. C is written at `$c` as a
  ;; row-major array of ceil(m/6)*6 rows of pitch `$ldc` >= ceil(n/4)*4, so
  ;; the micro-kernel never needs an edge case: the padding rows and columns
  ;; hold the products of the zero padding of the packed panels, and the
  ;; caller ignores them. `$ap` and `$bp` are the packing areas: ceil(mc/6)*6
  ;; x kc and kc x ceil(nc/4)*4 float64s; `$mcBlock` is a multiple of 6.
  (func (export "matmul")
    (param $a i32) (param $ars i32) (param $acs i32)
    (param $b i32) (param $brs i32) (param $bcs i32)
    (param $c i32) (param $ldc i32)
    (param $m i32) (param $k i32) (param $n i32)
    (param $ap i32) (param $bp i32)
    (param $mcBlock i32) (param $kcBlock i32) (param $ncBlock i32)
    (local $jc i32) (local $nc i32) (local $pc i32) (local $kc i32)
    (local $ic i32) (local $mc i32) (local $jr i32) (local $ir i32)
    (local $mPad i32)
    ;; The micro-kernel accumulates into C, so C starts at zero: the
    ;; ceil(m/6)*6 rows of ceil(n/4)*4 columns this call writes, and nothing
    ;; else (another thread may be writing the columns beside them).
    (local.set $mPad (i32.mul (i32.div_u (i32.add (local.get $m) (i32.const 5)) (i32.const 6)) (i32.const 6)))
    (local.set $ir (i32.const 0))
    (block $zeroDone (loop $zeroLoop
      (br_if $zeroDone (i32.ge_s (local.get $ir) (local.get $mPad)))
      (memory.fill
        (i32.add (local.get $c) (i32.shl (i32.mul (local.get $ir) (local.get $ldc)) (i32.const 3)))
        (i32.const 0)
        (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 3)))
      (local.set $ir (i32.add (local.get $ir) (i32.const 1)))
      (br $zeroLoop)))
    (if (i32.eqz (local.get $k)) (then (return)))
    (local.set $jc (i32.const 0))
    (block $jcDone (loop $jcLoop
      (br_if $jcDone (i32.ge_s (local.get $jc) (local.get $n)))
      (local.set $nc (call $min (local.get $ncBlock) (i32.sub (local.get $n) (local.get $jc))))
      (local.set $pc (i32.const 0))
      (block $pcDone (loop $pcLoop
        (br_if $pcDone (i32.ge_s (local.get $pc) (local.get $k)))
        (local.set $kc (call $min (local.get $kcBlock) (i32.sub (local.get $k) (local.get $pc))))
        (call $packB
          (i32.add (local.get $b) (i32.shl
            (i32.add (i32.mul (local.get $pc) (local.get $brs))
                     (i32.mul (local.get $jc) (local.get $bcs)))
            (i32.const 3)))
          (local.get $brs) (local.get $bcs) (local.get $kc) (local.get $nc) (local.get $bp))
        (local.set $ic (i32.const 0))
        (block $icDone (loop $icLoop
          (br_if $icDone (i32.ge_s (local.get $ic) (local.get $m)))
          (local.set $mc (call $min (local.get $mcBlock) (i32.sub (local.get $m) (local.get $ic))))
          (call $packA
            (i32.add (local.get $a) (i32.shl
              (i32.add (i32.mul (local.get $ic) (local.get $ars))
                       (i32.mul (local.get $pc) (local.get $acs)))
              (i32.const 3)))
            (local.get $ars) (local.get $acs) (local.get $mc) (local.get $kc) (local.get $ap))
          ;; Panels of B outside, of A inside: one B panel (kc x 4) stays in
          ;; L1 while all of the packed A block streams past it from L2.
          (local.set $jr (i32.const 0))
          (block $jrDone (loop $jrLoop
            (br_if $jrDone (i32.ge_s (local.get $jr) (local.get $nc)))
            (local.set $ir (i32.const 0))
            (block $irDone (loop $irLoop
              (br_if $irDone (i32.ge_s (local.get $ir) (local.get $mc)))
              (call $tile
                (i32.add (local.get $ap) (i32.shl (i32.mul (local.get $ir) (local.get $kc)) (i32.const 3)))
                (i32.add (local.get $bp) (i32.shl (i32.mul (local.get $jr) (local.get $kc)) (i32.const 3)))
                (i32.add (local.get $c) (i32.shl
                  (i32.add
                    (i32.mul (i32.add (local.get $ic) (local.get $ir)) (local.get $ldc))
                    (i32.add (local.get $jc) (local.get $jr)))
                  (i32.const 3)))
                (i32.shl (local.get $ldc) (i32.const 3))
                (local.get $kc))
              (local.set $ir (i32.add (local.get $ir) (i32.const 6)))
              (br $irLoop)))
            (local.set $jr (i32.add (local.get $jr) (i32.const 4)))
            (br $jrLoop)))
          (local.set $ic (i32.add (local.get $ic) (local.get $mcBlock)))
          (br $icLoop)))
        (local.set $pc (i32.add (local.get $pc) (local.get $kcBlock)))
        (br $pcLoop)))
      (local.set $jc (i32.add (local.get $jc) (local.get $ncBlock)))
      (br $jcLoop))))

  (func $min (param $x i32) (param $y i32) (result i32)
    (select (local.get $x) (local.get $y) (i32.lt_s (local.get $x) (local.get $y))))

  ;; C[0..6, 0..4] += (packed A panel) (packed B panel) over depth kc >= 1.
  ;; `$ap` holds kc groups of 6 rows' values, `$bp` kc groups of 4 columns';
  ;; `$ldcBytes` is the row pitch of C in bytes.
  (func $tile
    (param $ap i32) (param $bp i32) (param $c i32) (param $ldcBytes i32) (param $kc i32)
    (local $end i32) (local $c1 i32) (local $c2 i32) (local $c3 i32) (local $c4 i32) (local $c5 i32)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128) (local $c40 v128) (local $c41 v128) (local $c50 v128) (local $c51 v128)
    (local.set $c1 (i32.add (local.get $c) (local.get $ldcBytes)))
    (local.set $c2 (i32.add (local.get $c1) (local.get $ldcBytes)))
    (local.set $c3 (i32.add (local.get $c2) (local.get $ldcBytes)))
    (local.set $c4 (i32.add (local.get $c3) (local.get $ldcBytes)))
    (local.set $c5 (i32.add (local.get $c4) (local.get $ldcBytes)))
    (local.set $c00 (v128.load (local.get $c)))
    (local.set $c01 (v128.load offset=16 (local.get $c)))
    (local.set $c10 (v128.load (local.get $c1)))
    (local.set $c11 (v128.load offset=16 (local.get $c1)))
    (local.set $c20 (v128.load (local.get $c2)))
    (local.set $c21 (v128.load offset=16 (local.get $c2)))
    (local.set $c30 (v128.load (local.get $c3)))
    (local.set $c31 (v128.load offset=16 (local.get $c3)))
    (local.set $c40 (v128.load (local.get $c4)))
    (local.set $c41 (v128.load offset=16 (local.get $c4)))
    (local.set $c50 (v128.load (local.get $c5)))
    (local.set $c51 (v128.load offset=16 (local.get $c5)))
    (local.set $end (i32.add (local.get $ap) (i32.mul (local.get $kc) (i32.const 48))))
    (loop $depth
      (local.set $b0 (v128.load (local.get $bp)))
      (local.set $b1 (v128.load offset=16 (local.get $bp)))
      (local.set $x (v128.load64_splat offset=0 (local.get $ap)))
      (local.set $c00 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c00)))
      (local.set $c01 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c01)))
      (local.set $x (v128.load64_splat offset=8 (local.get $ap)))
      (local.set $c10 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c10)))
      (local.set $c11 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c11)))
      (local.set $x (v128.load64_splat offset=16 (local.get $ap)))
      (local.set $c20 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c20)))
      (local.set $c21 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c21)))
      (local.set $x (v128.load64_splat offset=24 (local.get $ap)))
      (local.set $c30 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c30)))
      (local.set $c31 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c31)))
      (local.set $x (v128.load64_splat offset=32 (local.get $ap)))
      (local.set $c40 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c40)))
      (local.set $c41 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c41)))
      (local.set $x (v128.load64_splat offset=40 (local.get $ap)))
      (local.set $c50 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c50)))
      (local.set $c51 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c51)))
      (local.set $ap (i32.add (local.get $ap) (i32.const 48)))
      (local.set $bp (i32.add (local.get $bp) (i32.const 32)))
      (br_if $depth (i32.lt_u (local.get $ap) (local.get $end))))
    (v128.store (local.get $c) (local.get $c00))
    (v128.store offset=16 (local.get $c) (local.get $c01))
    (v128.store (local.get $c1) (local.get $c10))
    (v128.store offset=16 (local.get $c1) (local.get $c11))
    (v128.store (local.get $c2) (local.get $c20))
    (v128.store offset=16 (local.get $c2) (local.get $c21))
    (v128.store (local.get $c3) (local.get $c30))
    (v128.store offset=16 (local.get $c3) (local.get $c31))
    (v128.store (local.get $c4) (local.get $c40))
    (v128.store offset=16 (local.get $c4) (local.get $c41))
    (v128.store (local.get $c5) (local.get $c50))
    (v128.store offset=16 (local.get $c5) (local.get $c51)))

  ;; Pack the mc x kc block of A at `$src` (strides `$rs`, `$cs`) into 6-row
  ;; panels at `$dst`: panel q holds, for each p < kc, rows 6q..6q+5 of column
  ;; p. Rows past mc are zero.
  (func $packA
    (param $src i32) (param $rs i32) (param $cs i32)
    (param $mc i32) (param $kc i32) (param $dst i32)
    (local $row i32) (local $rows i32) (local $r i32) (local $p i32)
    (local $from i32) (local $to i32) (local $panel i32) (local $csBytes i32)
    (local.set $csBytes (i32.shl (local.get $cs) (i32.const 3)))
    (local.set $row (i32.const 0))
    (block $done (loop $panels
      (br_if $done (i32.ge_s (local.get $row) (local.get $mc)))
      (local.set $rows (call $min (i32.const 6) (i32.sub (local.get $mc) (local.get $row))))
      (local.set $panel (i32.add (local.get $dst)
        (i32.shl (i32.mul (local.get $row) (local.get $kc)) (i32.const 3))))
      (if (i32.lt_s (local.get $rows) (i32.const 6))
        (then (memory.fill (local.get $panel) (i32.const 0)
          (i32.mul (local.get $kc) (i32.const 48)))))
      (local.set $r (i32.const 0))
      (loop $rowsLoop
        (local.set $from (i32.add (local.get $src) (i32.shl
          (i32.mul (i32.add (local.get $row) (local.get $r)) (local.get $rs))
          (i32.const 3))))
        (local.set $to (i32.add (local.get $panel) (i32.shl (local.get $r) (i32.const 3))))
        (local.set $p (local.get $kc))
        (loop $column
          (f64.store (local.get $to) (f64.load (local.get $from)))
          (local.set $from (i32.add (local.get $from) (local.get $csBytes)))
          (local.set $to (i32.add (local.get $to) (i32.const 48)))
          (br_if $column (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
        (br_if $rowsLoop (i32.lt_s
          (local.tee $r (i32.add (local.get $r) (i32.const 1)))
          (local.get $rows))))
      (local.set $row (i32.add (local.get $row) (i32.const 6)))
      (br $panels))))

  ;; Pack the kc x nc block of B at `$src` (strides `$rs`, `$cs`) into
  ;; 4-column panels at `$dst`: panel q holds, for each p < kc, columns
  ;; 4q..4q+3 of row p. Columns past nc are zero.
  (func $packB
    (param $src i32) (param $rs i32) (param $cs i32)
    (param $kc i32) (param $nc i32) (param $dst i32)
    (local $col i32) (local $cols i32) (local $j i32) (local $p i32)
    (local $from i32) (local $to i32) (local $panel i32) (local $rsBytes i32)
    (local.set $rsBytes (i32.shl (local.get $rs) (i32.const 3)))
    (local.set $col (i32.const 0))
    (block $done (loop $panels
      (br_if $done (i32.ge_s (local.get $col) (local.get $nc)))
      (local.set $cols (call $min (i32.const 4) (i32.sub (local.get $nc) (local.get $col))))
      (local.set $panel (i32.add (local.get $dst)
        (i32.shl (i32.mul (local.get $col) (local.get $kc)) (i32.const 3))))
      (if (i32.and (i32.eq (local.get $cols) (i32.const 4)) (i32.eq (local.get $cs) (i32.const 1)))
        (then
          ;; The common case: four adjacent columns, two vector copies a row.
          (local.set $from (i32.add (local.get $src)
            (i32.shl (local.get $col) (i32.const 3))))
          (local.set $to (local.get $panel))
          (local.set $p (local.get $kc))
          (loop $rows
            (v128.store (local.get $to) (v128.load (local.get $from)))
            (v128.store offset=16 (local.get $to) (v128.load offset=16 (local.get $from)))
            (local.set $from (i32.add (local.get $from) (local.get $rsBytes)))
            (local.set $to (i32.add (local.get $to) (i32.const 32)))
            (br_if $rows (local.tee $p (i32.sub (local.get $p) (i32.const 1))))))
        (else
          (if (i32.lt_s (local.get $cols) (i32.const 4))
            (then (memory.fill (local.get $panel) (i32.const 0)
              (i32.shl (local.get $kc) (i32.const 5)))))
          (local.set $j (i32.const 0))
          (loop $columns
            (local.set $from (i32.add (local.get $src) (i32.shl
              (i32.mul (i32.add (local.get $col) (local.get $j)) (local.get $cs))
              (i32.const 3))))
            (local.set $to (i32.add (local.get $panel) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $p (local.get $kc))
            (loop $rows
              (f64.store (local.get $to) (f64.load (local.get $from)))
              (local.set $from (i32.add (local.get $from) (local.get $rsBytes)))
              (local.set $to (i32.add (local.get $to) (i32.const 32)))
              (br_if $rows (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
            (br_if $columns (i32.lt_s
              (local.tee $j (i32.add (local.get $j) (i32.const 1)))
              (local.get $cols))))))
      (local.set $col (i32.add (local.get $col) (i32.const 4)))
      (br $panels))))

  ;; ---------------------------------------------------------------------
  ;; Elementwise exp, log, tanh, sin and cos over `$length` float64s at
  ;; `$src`, written to `$dst` (which may equal `$src`), two at a time. Each
  ;; pair is computed by a vectorised approximation; a pair with a lane
  ;; outside the approximation's safe range is recomputed by the Math import.
  ;; The approximations follow fdlibm (which V8's Math functions are), so they
  ;; stay within an ulp or two of Math.*.

  (func (export "exp") (param $src i32) (param $dst i32) (param $length i32)
    (local $end i32) (local $x v128) (local $y v128)
    (local.set $end (i32.add (local.get $src)
      (i32.shl (i32.and (local.get $length) (i32.const -2)) (i32.const 3))))
    (block $done (loop $pairs
      (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
      (local.set $x (v128.load (local.get $src)))
      ;; Beyond ±707 the result overflows or is subnormal (or x is NaN).
      (local.set $y
        (if (result v128)
          (i64x2.all_true (f64x2.le (f64x2.abs (local.get $x)) (v128.const f64x2 707 707)))
          (then (call $expFast (local.get $x)))
          (else (f64x2.replace_lane 1
            (f64x2.splat (call $Math.exp (f64x2.extract_lane 0 (local.get $x))))
            (call $Math.exp (f64x2.extract_lane 1 (local.get $x)))))))
      (v128.store (local.get $dst) (local.get $y))
      (local.set $src (i32.add (local.get $src) (i32.const 16)))
      (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
      (br $pairs)))
    (if (i32.and (local.get $length) (i32.const 1))
      (then (f64.store (local.get $dst) (call $Math.exp (f64.load (local.get $src)))))))

  (func (export "log") (param $src i32) (param $dst i32) (param $length i32)
    (local $end i32) (local $x v128) (local $y v128)
    (local.set $end (i32.add (local.get $src)
      (i32.shl (i32.and (local.get $length) (i32.const -2)) (i32.const 3))))
    (block $done (loop $pairs
      (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
      (local.set $x (v128.load (local.get $src)))
      ;; Safe: positive, normal and finite (NaN fails both comparisons).
      (local.set $y
        (if (result v128)
          (i64x2.all_true (v128.and
            (f64x2.ge (local.get $x) (v128.const f64x2 0x1p-1022 0x1p-1022))
            (f64x2.le (local.get $x) (v128.const f64x2 0x1.fffffffffffffp+1023 0x1.fffffffffffffp+1023))))
          (then (call $logFast (local.get $x)))
          (else (f64x2.replace_lane 1
            (f64x2.splat (call $Math.log (f64x2.extract_lane 0 (local.get $x))))
            (call $Math.log (f64x2.extract_lane 1 (local.get $x)))))))
      (v128.store (local.get $dst) (local.get $y))
      (local.set $src (i32.add (local.get $src) (i32.const 16)))
      (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
      (br $pairs)))
    (if (i32.and (local.get $length) (i32.const 1))
      (then (f64.store (local.get $dst) (call $Math.log (f64.load (local.get $src)))))))

  (func (export "tanh") (param $src i32) (param $dst i32) (param $length i32)
    (local $end i32) (local $x v128)
    (local.set $end (i32.add (local.get $src)
      (i32.shl (i32.and (local.get $length) (i32.const -2)) (i32.const 3))))
    (block $done (loop $pairs
      (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
      (local.set $x (v128.load (local.get $src)))
      (v128.store (local.get $dst) (call $tanhFast (local.get $x)))
      (local.set $src (i32.add (local.get $src) (i32.const 16)))
      (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
      (br $pairs)))
    (if (i32.and (local.get $length) (i32.const 1))
      (then (f64.store (local.get $dst) (call $Math.tanh (f64.load (local.get $src)))))))

  ;; The logistic sigmoid as the TypeScript path computes it (DeZero's form):
  ;; tanh(x / 2) / 2 + 1/2, with no exponential to overflow.
  (func (export "sigmoid") (param $src i32) (param $dst i32) (param $length i32)
    (local $end i32) (local $x v128)
    (local.set $end (i32.add (local.get $src)
      (i32.shl (i32.and (local.get $length) (i32.const -2)) (i32.const 3))))
    (block $done (loop $pairs
      (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
      (local.set $x (f64x2.mul (v128.load (local.get $src)) (v128.const f64x2 0.5 0.5)))
      (v128.store (local.get $dst)
        (f64x2.add
          (f64x2.mul (call $tanhFast (local.get $x)) (v128.const f64x2 0.5 0.5))
          (v128.const f64x2 0.5 0.5)))
      (local.set $src (i32.add (local.get $src) (i32.const 16)))
      (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
      (br $pairs)))
    (if (i32.and (local.get $length) (i32.const 1))
      (then (f64.store (local.get $dst)
        (f64.add
          (f64.mul (call $Math.tanh (f64.mul (f64.load (local.get $src)) (f64.const 0.5))) (f64.const 0.5))
          (f64.const 0.5))))))

  (func (export "sin") (param $src i32) (param $dst i32) (param $length i32)
    (call $sinCos (local.get $src) (local.get $dst) (local.get $length) (i32.const 0)))

  (func (export "cos") (param $src i32) (param $dst i32) (param $length i32)
    (call $sinCos (local.get $src) (local.get $dst) (local.get $length) (i32.const 1)))

  ;; sin (`$shift` 0) or cos (`$shift` 1): cos x = sin(x + π/2), so cos is
  ;; sin one quadrant further on.
  (func $sinCos (param $src i32) (param $dst i32) (param $length i32) (param $shift i32)
    (local $end i32) (local $x v128) (local $y v128)
    (local.set $end (i32.add (local.get $src)
      (i32.shl (i32.and (local.get $length) (i32.const -2)) (i32.const 3))))
    (block $done (loop $pairs
      (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
      (local.set $x (v128.load (local.get $src)))
      ;; fdlibm's medium range, |x| <= 2^19 π/2, where three pieces of π/2
      ;; reduce exactly; beyond it (and for NaN, ±Infinity) Math.sin/cos.
      (local.set $y
        (if (result v128)
          (i64x2.all_true (f64x2.le (f64x2.abs (local.get $x))
            (v128.const f64x2 823549.6 823549.6)))
          (then (call $sinCosFast (local.get $x) (local.get $shift)))
          (else
            (if (result v128) (local.get $shift)
              (then (f64x2.replace_lane 1
                (f64x2.splat (call $Math.cos (f64x2.extract_lane 0 (local.get $x))))
                (call $Math.cos (f64x2.extract_lane 1 (local.get $x)))))
              (else (f64x2.replace_lane 1
                (f64x2.splat (call $Math.sin (f64x2.extract_lane 0 (local.get $x))))
                (call $Math.sin (f64x2.extract_lane 1 (local.get $x)))))))))
      (v128.store (local.get $dst) (local.get $y))
      (local.set $src (i32.add (local.get $src) (i32.const 16)))
      (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
      (br $pairs)))
    (if (i32.and (local.get $length) (i32.const 1))
      (then (f64.store (local.get $dst)
        (if (result f64) (local.get $shift)
          (then (call $Math.cos (f64.load (local.get $src))))
          (else (call $Math.sin (f64.load (local.get $src)))))))))

  ;; x = n ln2 + r with |r| <= ln2/2: returns r and 2^n, for |x| <= 707.
  ;; n is rounded by adding 1.5 * 2^52, which leaves it in the low mantissa
  ;; bits; adding 1023 and shifting them into the exponent field makes 2^n.
  (func $split (param $x v128) (result v128 v128)
    (local $t v128) (local $n v128)
    (local.set $t (f64x2.relaxed_madd (local.get $x)
      (v128.const f64x2 1.4426950408889634 1.4426950408889634)
      (v128.const f64x2 6755399441055744 6755399441055744)))
    (local.set $n (f64x2.sub (local.get $t) (v128.const f64x2 6755399441055744 6755399441055744)))
    ;; ln2 in two pieces, the first with 32 trailing zero bits, so n ln2_hi is
    ;; exact (fdlibm's Cody-Waite reduction).
    (f64x2.sub
      (f64x2.sub (local.get $x)
        (f64x2.mul (local.get $n) (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01)))
      (f64x2.mul (local.get $n) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10)))
    (i64x2.shl (i64x2.add (local.get $t) (v128.const i64x2 1023 1023)) (i32.const 52)))

  ;; e^r - 1 for |r| <= ln2/2: the Taylor series to r^13 (error below 1e-17
  ;; relative), r q(r) with q of degree 12 evaluated in Estrin's scheme: the
  ;; pairs, quads and octets are independent, so the chain of dependent
  ;; multiply-adds is 5 long instead of Horner's 13, and the CPU overlaps them.
  (func $expm1Reduced (param $r v128) (result v128)
    (local $r2 v128) (local $r4 v128) (local $r8 v128)
    (local $p0 v128) (local $p2 v128) (local $p4 v128) (local $p6 v128) (local $p8 v128) (local $p10 v128)
    (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
    (local.set $p0 (f64x2.relaxed_madd (local.get $r) (v128.const f64x2 0.5 0.5) (v128.const f64x2 1.0 1.0)))
    (local.set $p2 (f64x2.relaxed_madd (local.get $r) (v128.const f64x2 0.041666666666666664 0.041666666666666664) (v128.const f64x2 0.16666666666666666 0.16666666666666666)))
    (local.set $p4 (f64x2.relaxed_madd (local.get $r) (v128.const f64x2 0.001388888888888889 0.001388888888888889) (v128.const f64x2 0.008333333333333333 0.008333333333333333)))
    (local.set $p6 (f64x2.relaxed_madd (local.get $r) (v128.const f64x2 2.48015873015873e-05 2.48015873015873e-05) (v128.const f64x2 0.0001984126984126984 0.0001984126984126984)))
    (local.set $p8 (f64x2.relaxed_madd (local.get $r) (v128.const f64x2 2.755731922398589e-07 2.755731922398589e-07) (v128.const f64x2 2.7557319223985893e-06 2.7557319223985893e-06)))
    (local.set $p10 (f64x2.relaxed_madd (local.get $r) (v128.const f64x2 2.08767569878681e-09 2.08767569878681e-09) (v128.const f64x2 2.505210838544172e-08 2.505210838544172e-08)))
    (local.set $r4 (f64x2.mul (local.get $r2) (local.get $r2)))
    (local.set $p0 (f64x2.relaxed_madd (local.get $p2) (local.get $r2) (local.get $p0)))
    (local.set $p4 (f64x2.relaxed_madd (local.get $p6) (local.get $r2) (local.get $p4)))
    (local.set $p8 (f64x2.relaxed_madd (local.get $p10) (local.get $r2) (local.get $p8)))
    (local.set $r8 (f64x2.mul (local.get $r4) (local.get $r4)))
    (local.set $p0 (f64x2.relaxed_madd (local.get $p4) (local.get $r4) (local.get $p0)))
    (local.set $p8 (f64x2.relaxed_madd (local.get $r4) (v128.const f64x2 1.6059043836821613e-10 1.6059043836821613e-10) (local.get $p8)))
    (f64x2.mul (local.get $r) (f64x2.relaxed_madd (local.get $p8) (local.get $r8) (local.get $p0))))

  ;; e^x for |x| <= 707: 2^n (1 + (e^r - 1)).
  (func $expFast (param $x v128) (result v128)
    (local $r v128) (local $scale v128)
    (call $split (local.get $x))
    (local.set $scale)
    (local.set $r)
    (f64x2.mul (local.get $scale)
      (f64x2.add (v128.const f64x2 1 1) (call $expm1Reduced (local.get $r)))))

  ;; tanh x for every x (no lane needs Math.tanh). Below 0.55 in magnitude
  ;; the Taylor series x + x z P(z), z = x², to x^41 (error below 1e-18
  ;; relative): the correction is a tenth of x at most, so its rounding
  ;; hardly shows. Above, tanh|x| = 1 - 2 / (e^2|x| + 1), which rounds to 1
  ;; beyond 22 (so |x| is capped there, and ±Infinity come out ±1); the sign
  ;; is copied back. ±0 and subnormals take the series and return x; NaN
  ;; stays NaN through both.
  (func $tanhFast (param $x v128) (result v128)
    (local $a v128) (local $small v128)
    (local.set $a (f64x2.abs (local.get $x)))
    (local.set $small (f64x2.lt (local.get $a) (v128.const f64x2 0.55 0.55)))
    ;; A pair in one regime computes that regime only (most pairs, in
    ;; practice); a mixed pair computes both and picks per lane.
    (if (result v128) (i64x2.all_true (local.get $small))
      (then (call $tanhSeries (local.get $x)))
      (else
        (if (result v128) (v128.any_true (local.get $small))
          (then (v128.bitselect
            (call $tanhSeries (local.get $x))
            (call $tanhLarge (local.get $x))
            (local.get $small)))
          (else (call $tanhLarge (local.get $x)))))))

  ;; tanh x for |x| < 0.55: x + x z P(z), z = x², with x's sign bit or-ed
  ;; in, since the series gives +0 for -0.
  (func $tanhSeries (param $x v128) (result v128)
    (local $z v128) (local $p v128) (local $xz v128)
    (local.set $z (f64x2.mul (local.get $x) (local.get $x)))
    (local.set $p (v128.const f64x2 -2.859136662305254e-08 -2.859136662305254e-08))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 7.054636946400968e-08 7.054636946400968e-08)))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 -1.7406618963571648e-07 -1.7406618963571648e-07)))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 4.294911078273806e-07 4.294911078273806e-07)))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 -1.0597268320104654e-06 -1.0597268320104654e-06)))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 2.6147711512907546e-06 2.6147711512907546e-06)))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 -6.451689215655431e-06 -6.451689215655431e-06)))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 1.5918905069328964e-05 1.5918905069328964e-05)))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 -3.927832388331683e-05 -3.927832388331683e-05)))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 9.691537956929451e-05 9.691537956929451e-05)))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 -0.00023912911424355248 -0.00023912911424355248)))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 0.000590027440945586 0.000590027440945586)))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 -0.0014558343870513183 -0.0014558343870513183)))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 0.003592128036572481 0.003592128036572481)))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 -0.008863235529902197 -0.008863235529902197)))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 0.021869488536155203 0.021869488536155203)))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 -0.05396825396825397 -0.05396825396825397)))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 0.13333333333333333 0.13333333333333333)))
    (local.set $p (f64x2.relaxed_madd (local.get $p) (local.get $z) (v128.const f64x2 -0.3333333333333333 -0.3333333333333333)))
    (local.set $xz (f64x2.mul (local.get $x) (local.get $z)))
    (v128.or
      (v128.and (local.get $x) (v128.const i64x2 0x8000000000000000 0x8000000000000000))
      (f64x2.relaxed_madd (local.get $xz) (local.get $p) (local.get $x))))

  ;; tanh x for |x| >= 0.55: the sign of x times 1 - 2 / (e^2|x| + 1), |x|
  ;; capped at 22.
  (func $tanhLarge (param $x v128) (result v128)
    (local $a v128) (local $e v128)
    (local.set $a (f64x2.min (f64x2.abs (local.get $x)) (v128.const f64x2 22 22)))
    (local.set $e (call $expFast (f64x2.add (local.get $a) (local.get $a))))
    (v128.or
      (v128.and (local.get $x) (v128.const i64x2 0x8000000000000000 0x8000000000000000))
      (f64x2.sub (v128.const f64x2 1 1)
        (f64x2.div (v128.const f64x2 2 2) (f64x2.add (local.get $e) (v128.const f64x2 1 1))))))

  ;; log x for normal, finite, positive x: fdlibm's e_log.c, vectorised.
  ;; x = 2^k (1 + f) with √2/2 <= 1 + f < √2, s = f / (2 + f), and
  ;; log(1 + f) = 2s + s R(s²) with fdlibm's minimax R.
  (func $logFast (param $x v128) (result v128)
    (local $m v128) (local $k v128) (local $big v128) (local $f v128)
    (local $s v128) (local $z v128) (local $w v128) (local $r v128) (local $hfsq v128)
    (local $mantissa v128) (local $t1 v128)
    (local.set $mantissa (v128.and (local.get $x)
      (v128.const i64x2 0x000fffffffffffff 0x000fffffffffffff)))
    (local.set $m (v128.or (local.get $mantissa)
      (v128.const i64x2 0x3ff0000000000000 0x3ff0000000000000)))
    ;; The biased exponent as a double: its bits under those of 2^52.
    (local.set $k (f64x2.sub
      (v128.or (i64x2.shr_u (local.get $x) (i32.const 52))
        (v128.const i64x2 0x4330000000000000 0x4330000000000000))
      (v128.const f64x2 4503599627371519 4503599627371519)))
    (local.set $big (f64x2.ge (local.get $m) (v128.const f64x2 1.4142135623730951 1.4142135623730951)))
    (local.set $m (v128.bitselect
      (f64x2.mul (local.get $m) (v128.const f64x2 0.5 0.5)) (local.get $m) (local.get $big)))
    (local.set $k (f64x2.add (local.get $k)
      (v128.and (local.get $big) (v128.const f64x2 1 1))))
    (local.set $f (f64x2.sub (local.get $m) (v128.const f64x2 1 1)))
    (local.set $s (f64x2.div (local.get $f) (f64x2.add (local.get $f) (v128.const f64x2 2 2))))
    (local.set $z (f64x2.mul (local.get $s) (local.get $s)))
    (local.set $w (f64x2.mul (local.get $z) (local.get $z)))
    ;; R = t2 + t1, t1 = w (Lg2 + w (Lg4 + w Lg6)), t2 = z (Lg1 + w (Lg3 + w (Lg5 + w Lg7))).
    (local.set $r (f64x2.mul (local.get $w) (v128.const f64x2 1.479819860511658591e-01 1.479819860511658591e-01)))
    (local.set $r (f64x2.add (local.get $r) (v128.const f64x2 1.818357216161805012e-01 1.818357216161805012e-01)))
    (local.set $r (f64x2.mul (local.get $w) (local.get $r)))
    (local.set $r (f64x2.add (local.get $r) (v128.const f64x2 2.857142874366239149e-01 2.857142874366239149e-01)))
    (local.set $r (f64x2.mul (local.get $w) (local.get $r)))
    (local.set $r (f64x2.add (local.get $r) (v128.const f64x2 6.666666666666735130e-01 6.666666666666735130e-01)))
    (local.set $r (f64x2.mul (local.get $z) (local.get $r)))
    (local.set $t1 (f64x2.mul (local.get $w) (v128.const f64x2 1.531383769920937332e-01 1.531383769920937332e-01)))
    (local.set $t1 (f64x2.add (local.get $t1) (v128.const f64x2 2.222219843214978396e-01 2.222219843214978396e-01)))
    (local.set $t1 (f64x2.mul (local.get $w) (local.get $t1)))
    (local.set $t1 (f64x2.add (local.get $t1) (v128.const f64x2 3.999999999940941908e-01 3.999999999940941908e-01)))
    (local.set $t1 (f64x2.mul (local.get $w) (local.get $t1)))
    (local.set $r (f64x2.add (local.get $r) (local.get $t1)))
    (local.set $hfsq (f64x2.mul (v128.const f64x2 0.5 0.5) (f64x2.mul (local.get $f) (local.get $f))))
    ;; fdlibm's two ways to finish, the first where x's mantissa is near √2.
    (v128.bitselect
      (f64x2.sub
        (f64x2.mul (local.get $k) (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01))
        (f64x2.sub
          (f64x2.sub (local.get $hfsq)
            (f64x2.add
              (f64x2.mul (local.get $s) (f64x2.add (local.get $hfsq) (local.get $r)))
              (f64x2.mul (local.get $k) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10))))
          (local.get $f)))
      (f64x2.sub
        (f64x2.mul (local.get $k) (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01))
        (f64x2.sub
          (f64x2.sub
            (f64x2.mul (local.get $s) (f64x2.sub (local.get $f) (local.get $r)))
            (f64x2.mul (local.get $k) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10)))
          (local.get $f)))
      (v128.and
        (i64x2.gt_s (local.get $mantissa) (v128.const i64x2 0x6147affffffff 0x6147affffffff))
        (i64x2.lt_s (local.get $mantissa) (v128.const i64x2 0x6b85100000000 0x6b85100000000)))))

  ;; sin x (`$shift` 0) or cos x (`$shift` 1) for |x| <= 2^19 π/2: fdlibm's
  ;; e_rem_pio2.c medium case (x = n π/2 + y0 + y1, always all three
  ;; iterations) and its k_sin.c and k_cos.c on [-π/4, π/4].
  (func $sinCosFast (param $x v128) (param $shift i32) (result v128)
    (local $t v128) (local $n v128) (local $r v128) (local $w v128) (local $u v128)
    (local $y0 v128) (local $y1 v128) (local $z v128) (local $v v128) (local $p v128)
    (local $sin v128) (local $cos v128) (local $abs v128) (local $qx v128) (local $quadrant v128)
    (local.set $t (f64x2.add
      (f64x2.mul (local.get $x) (v128.const f64x2 6.36619772367581382433e-01 6.36619772367581382433e-01))
      (v128.const f64x2 6755399441055744 6755399441055744)))
    (local.set $n (f64x2.sub (local.get $t) (v128.const f64x2 6755399441055744 6755399441055744)))
    (local.set $quadrant (i64x2.add (local.get $t) (i64x2.splat (i64.extend_i32_u (local.get $shift)))))
    (local.set $r (f64x2.sub (local.get $x)
      (f64x2.mul (local.get $n) (v128.const f64x2 1.57079632673412561417e+00 1.57079632673412561417e+00))))
    (local.set $u (local.get $r))
    (local.set $w (f64x2.mul (local.get $n) (v128.const f64x2 6.07710050630396597660e-11 6.07710050630396597660e-11)))
    (local.set $r (f64x2.sub (local.get $u) (local.get $w)))
    (local.set $w (f64x2.sub
      (f64x2.mul (local.get $n) (v128.const f64x2 2.02226624879595063154e-21 2.02226624879595063154e-21))
      (f64x2.sub (f64x2.sub (local.get $u) (local.get $r)) (local.get $w))))
    (local.set $u (local.get $r))
    (local.set $w (f64x2.mul (local.get $n) (v128.const f64x2 2.02226624871116645580e-21 2.02226624871116645580e-21)))
    (local.set $r (f64x2.sub (local.get $u) (local.get $w)))
    (local.set $w (f64x2.sub
      (f64x2.mul (local.get $n) (v128.const f64x2 8.47842766036889956997e-32 8.47842766036889956997e-32))
      (f64x2.sub (f64x2.sub (local.get $u) (local.get $r)) (local.get $w))))
    (local.set $y0 (f64x2.sub (local.get $r) (local.get $w)))
    (local.set $y1 (f64x2.sub (f64x2.sub (local.get $r) (local.get $y0)) (local.get $w)))
    (local.set $z (f64x2.mul (local.get $y0) (local.get $y0)))
    ;; k_sin.c: y0 - ((z (y1/2 - v p) - y1) - v S1), v = z y0.
    (local.set $v (f64x2.mul (local.get $z) (local.get $y0)))
    (local.set $p
      (f64x2.add (v128.const f64x2 8.33333333332248946124e-03 8.33333333332248946124e-03)
      (f64x2.mul (local.get $z)
        (f64x2.add (v128.const f64x2 -1.98412698298579493134e-04 -1.98412698298579493134e-04)
        (f64x2.mul (local.get $z)
          (f64x2.add (v128.const f64x2 2.75573137070700676789e-06 2.75573137070700676789e-06)
          (f64x2.mul (local.get $z)
            (f64x2.add (v128.const f64x2 -2.50507602534068634195e-08 -2.50507602534068634195e-08)
            (f64x2.mul (local.get $z) (v128.const f64x2 1.58969099521155010221e-10 1.58969099521155010221e-10))))))))))
    (local.set $sin (f64x2.sub (local.get $y0)
      (f64x2.sub
        (f64x2.sub
          (f64x2.mul (local.get $z)
            (f64x2.sub (f64x2.mul (v128.const f64x2 0.5 0.5) (local.get $y1))
              (f64x2.mul (local.get $v) (local.get $p))))
          (local.get $y1))
        (f64x2.mul (local.get $v) (v128.const f64x2 -1.66666666666666324348e-01 -1.66666666666666324348e-01)))))
    ;; k_cos.c: (1 - qx) - ((z/2 - qx) - (z p - y0 y1)), qx = 0 below 0.3,
    ;; |y0|/4 cut to its high word up to 0.78125, then 0.28125.
    (local.set $p (f64x2.mul (local.get $z)
      (f64x2.add (v128.const f64x2 4.16666666666666019037e-02 4.16666666666666019037e-02)
      (f64x2.mul (local.get $z)
        (f64x2.add (v128.const f64x2 -1.38888888888741095749e-03 -1.38888888888741095749e-03)
        (f64x2.mul (local.get $z)
          (f64x2.add (v128.const f64x2 2.48015872894767294178e-05 2.48015872894767294178e-05)
          (f64x2.mul (local.get $z)
            (f64x2.add (v128.const f64x2 -2.75573143513906633035e-07 -2.75573143513906633035e-07)
            (f64x2.mul (local.get $z)
              (f64x2.add (v128.const f64x2 2.08757232129817482790e-09 2.08757232129817482790e-09)
              (f64x2.mul (local.get $z) (v128.const f64x2 -1.13596475577881948265e-11 -1.13596475577881948265e-11)))))))))))))
    (local.set $abs (f64x2.abs (local.get $y0)))
    (local.set $qx (v128.and
      (i64x2.sub (local.get $abs) (v128.const i64x2 0x0020000000000000 0x0020000000000000))
      (v128.const i64x2 0xffffffff00000000 0xffffffff00000000)))
    (local.set $qx (v128.bitselect (v128.const f64x2 0.28125 0.28125) (local.get $qx)
      (i64x2.gt_s (local.get $abs) (v128.const i64x2 0x3fe90000ffffffff 0x3fe90000ffffffff))))
    (local.set $qx (v128.andnot (local.get $qx)
      (i64x2.lt_s (local.get $abs) (v128.const i64x2 0x3fd3333300000000 0x3fd3333300000000))))
    (local.set $cos (f64x2.sub
      (f64x2.sub (v128.const f64x2 1 1) (local.get $qx))
      (f64x2.sub
        (f64x2.sub (f64x2.mul (v128.const f64x2 0.5 0.5) (local.get $z)) (local.get $qx))
        (f64x2.sub (f64x2.mul (local.get $z) (local.get $p))
          (f64x2.mul (local.get $y0) (local.get $y1))))))
    ;; Quadrant n mod 4 (one on for cos): odd ones take cos, 2 and 3 negate.
    (v128.xor
      (v128.bitselect (local.get $cos) (local.get $sin)
        (i64x2.ne (v128.and (local.get $quadrant) (v128.const i64x2 1 1)) (v128.const i64x2 0 0)))
      (i64x2.shl (i64x2.shr_u (local.get $quadrant) (i32.const 1)) (i32.const 63))))
)
