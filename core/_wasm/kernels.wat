;; Dense float64 kernels in WebAssembly SIMD, the source of `_kernels_wasm.ts`.
;; Rebuild with `deno task build:wasm`; `build_test.ts` checks that the
;; committed bytes still match this text.
;;
;; The build makes two modules from this one text: as written (relaxed SIMD,
;; `f64x2.relaxed_madd` is a fused multiply-add on x86 with FMA and on ARM),
;; and a plain-SIMD one for engines without relaxed SIMD, in which every
;; `(f64x2.relaxed_madd X Y Z)` of three `local.get`s becomes
;; `(f64x2.add (f64x2.mul X Y) Z)`. Keep every relaxed_madd in that form.
;;
;; Memory is owned by the caller (core/_wasm/_matmul.ts): it copies the
;; operands in, says where the scratch areas are, and copies the result out.
;; All pointers are byte addresses, all lengths and strides count float64s.

(module
  (memory (export "memory") 1)

  ;; Matrix product, C = A B, the way BLIS and OpenBLAS do it: B is cut into
  ;; blocks of kc x nc that are packed into 4-column panels (`$packB`), A into
  ;; blocks of mc x kc packed into 4-row panels (`$packA`), and a 4 x 4
  ;; micro-kernel (`$tile`) multiplies one panel of each, holding its 16
  ;; results in 8 f64x2 registers for the whole depth kc. Packing makes every
  ;; load in the inner loop sequential; the block sizes keep the packed A in
  ;; L2 and a packed B panel in L1 while they are reused.
  ;;
  ;; A is m x k read at `$a` with strides (`$ars`, `$acs`), so transposed and
  ;; broadcast views need no copy; B likewise. C is written at `$c` as a
  ;; row-major array of ceil(m/4)*4 rows of `$ldc` >= ceil(n/4)*4 columns, so
  ;; the micro-kernel never needs an edge case: the padding rows and columns
  ;; hold the products of the zero padding of the packed panels, and the
  ;; caller ignores them. `$ap` and `$bp` are the packing areas: ceil(mc/4)*4
  ;; x kc and kc x ceil(nc/4)*4 float64s.
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
    ;; The micro-kernel accumulates into C, so C starts at zero.
    (local.set $mPad (i32.and (i32.add (local.get $m) (i32.const 3)) (i32.const -4)))
    (memory.fill (local.get $c) (i32.const 0)
      (i32.shl (i32.mul (local.get $mPad) (local.get $ldc)) (i32.const 3)))
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
              (local.set $ir (i32.add (local.get $ir) (i32.const 4)))
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

  ;; C[0..4, 0..4] += (packed A panel) (packed B panel) over depth kc >= 1.
  ;; `$ap` holds kc groups of 4 rows' values, `$bp` kc groups of 4 columns';
  ;; `$ldcBytes` is the row pitch of C in bytes.
  (func $tile
    (param $ap i32) (param $bp i32) (param $c i32) (param $ldcBytes i32) (param $kc i32)
    (local $end i32) (local $c1 i32) (local $c2 i32) (local $c3 i32)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local.set $c1 (i32.add (local.get $c) (local.get $ldcBytes)))
    (local.set $c2 (i32.add (local.get $c1) (local.get $ldcBytes)))
    (local.set $c3 (i32.add (local.get $c2) (local.get $ldcBytes)))
    (local.set $c00 (v128.load (local.get $c)))
    (local.set $c01 (v128.load offset=16 (local.get $c)))
    (local.set $c10 (v128.load (local.get $c1)))
    (local.set $c11 (v128.load offset=16 (local.get $c1)))
    (local.set $c20 (v128.load (local.get $c2)))
    (local.set $c21 (v128.load offset=16 (local.get $c2)))
    (local.set $c30 (v128.load (local.get $c3)))
    (local.set $c31 (v128.load offset=16 (local.get $c3)))
    (local.set $end (i32.add (local.get $ap) (i32.shl (local.get $kc) (i32.const 5))))
    (loop $depth
      (local.set $b0 (v128.load (local.get $bp)))
      (local.set $b1 (v128.load offset=16 (local.get $bp)))
      (local.set $x (v128.load64_splat (local.get $ap)))
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
      (local.set $ap (i32.add (local.get $ap) (i32.const 32)))
      (local.set $bp (i32.add (local.get $bp) (i32.const 32)))
      (br_if $depth (i32.lt_u (local.get $ap) (local.get $end))))
    (v128.store (local.get $c) (local.get $c00))
    (v128.store offset=16 (local.get $c) (local.get $c01))
    (v128.store (local.get $c1) (local.get $c10))
    (v128.store offset=16 (local.get $c1) (local.get $c11))
    (v128.store (local.get $c2) (local.get $c20))
    (v128.store offset=16 (local.get $c2) (local.get $c21))
    (v128.store (local.get $c3) (local.get $c30))
    (v128.store offset=16 (local.get $c3) (local.get $c31)))

  ;; Pack the mc x kc block of A at `$src` (strides `$rs`, `$cs`) into 4-row
  ;; panels at `$dst`: panel q holds, for each p < kc, rows 4q..4q+3 of column
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
      (local.set $rows (call $min (i32.const 4) (i32.sub (local.get $mc) (local.get $row))))
      (local.set $panel (i32.add (local.get $dst)
        (i32.shl (i32.mul (local.get $row) (local.get $kc)) (i32.const 3))))
      (if (i32.lt_s (local.get $rows) (i32.const 4))
        (then (memory.fill (local.get $panel) (i32.const 0)
          (i32.shl (local.get $kc) (i32.const 5)))))
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
          (local.set $to (i32.add (local.get $to) (i32.const 32)))
          (br_if $column (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
        (br_if $rowsLoop (i32.lt_s
          (local.tee $r (i32.add (local.get $r) (i32.const 1)))
          (local.get $rows))))
      (local.set $row (i32.add (local.get $row) (i32.const 4)))
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
)
