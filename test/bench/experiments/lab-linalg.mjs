// Small dense/sparse linear algebra for the relevance lab (no dependency): a randomized truncated
// SVD of a sparse matrix (Halko, Martinsson & Tropp 2011) with a cyclic Jacobi eigensolver for the
// small projected problem. Plain Float64Arrays; matrices are row-major unless named otherwise.

/** A deterministic PRNG (mulberry32) and standard normal draws from it (Box–Muller). */
export function rng(seed = 1) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    const u = Math.max(uniform(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
  return { uniform, normal };
}

/**
 * A sparse matrix in CSR form from rows of [column, value] pairs.
 * @param {Array<Array<[number, number]>>} rows
 */
export function csr(rows, cols) {
  let nnz = 0;
  for (const r of rows) nnz += r.length;
  const ptr = new Int32Array(rows.length + 1);
  const idx = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  let k = 0;
  rows.forEach((r, i) => {
    for (const [j, v] of r) {
      idx[k] = j;
      val[k] = v;
      k++;
    }
    ptr[i + 1] = k;
  });
  return { rows: rows.length, cols, ptr, idx, val, nnz };
}

/** Y (rows×l) = M X, X cols×l row-major. */
function mulRight(m, x, l) {
  const y = new Float64Array(m.rows * l);
  for (let i = 0; i < m.rows; i++) {
    const yo = i * l;
    for (let p = m.ptr[i]; p < m.ptr[i + 1]; p++) {
      const v = m.val[p];
      const xo = m.idx[p] * l;
      for (let c = 0; c < l; c++) y[yo + c] += v * x[xo + c];
    }
  }
  return y;
}

/** Z (cols×l) = Mᵀ Y, Y rows×l row-major. */
function mulLeftT(m, y, l) {
  const z = new Float64Array(m.cols * l);
  for (let i = 0; i < m.rows; i++) {
    const yo = i * l;
    for (let p = m.ptr[i]; p < m.ptr[i + 1]; p++) {
      const v = m.val[p];
      const zo = m.idx[p] * l;
      for (let c = 0; c < l; c++) z[zo + c] += v * y[yo + c];
    }
  }
  return z;
}

/** Orthonormalises the l columns of a row-major n×l matrix in place (modified Gram–Schmidt, twice). */
function orthonormalize(a, n, l) {
  const col = new Float64Array(n);
  for (let pass = 0; pass < 2; pass++) {
    for (let c = 0; c < l; c++) {
      for (let i = 0; i < n; i++) col[i] = a[i * l + c];
      for (let d = 0; d < c; d++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += col[i] * a[i * l + d];
        for (let i = 0; i < n; i++) col[i] -= dot * a[i * l + d];
      }
      let norm = 0;
      for (let i = 0; i < n; i++) norm += col[i] * col[i];
      norm = Math.sqrt(norm) || 1;
      for (let i = 0; i < n; i++) a[i * l + c] = col[i] / norm;
    }
  }
}

/** Eigen-decomposition of a symmetric n×n matrix (cyclic Jacobi): values descending, vectors as columns. */
export function symmetricEigen(input, n) {
  const a = Float64Array.from(input);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let diag = 0;
    for (let p = 0; p < n; p++) {
      diag += a[p * n + p] ** 2;
      for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    }
    if (off <= 1e-24 * diag) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = [...Array(n).keys()].sort((x, y) => a[y * n + y] - a[x * n + x]);
  return {
    values: order.map((i) => a[i * n + i]),
    vectors: order.map((i) => Float64Array.from({ length: n }, (_, k) => v[k * n + i])),
  };
}

/**
 * Randomized truncated SVD of a sparse rows×cols matrix M ≈ U S Vᵀ with `k` components
 * (oversampling `over`, `iters` power iterations). Returns U (rows×k), S (k), V (cols×k), row-major.
 */
export function randomizedSvd(m, k, { over = 16, iters = 2, seed = 7 } = {}) {
  const l = Math.min(k + over, m.rows, m.cols);
  const { normal } = rng(seed);
  const omega = Float64Array.from({ length: m.cols * l }, normal);
  let y = mulRight(m, omega, l);
  orthonormalize(y, m.rows, l);
  for (let it = 0; it < iters; it++) {
    const z = mulLeftT(m, y, l);
    y = mulRight(m, z, l);
    orthonormalize(y, m.rows, l);
  }
  // B = Qᵀ M (l×cols), kept transposed: Bt = Mᵀ Q (cols×l). C = B Bᵀ = Btᵀ Bt (l×l).
  const bt = mulLeftT(m, y, l);
  const c = new Float64Array(l * l);
  for (let j = 0; j < m.cols; j++) {
    const o = j * l;
    for (let a = 0; a < l; a++) {
      const va = bt[o + a];
      if (va === 0) continue;
      for (let b = a; b < l; b++) c[a * l + b] += va * bt[o + b];
    }
  }
  for (let a = 0; a < l; a++) for (let b = 0; b < a; b++) c[a * l + b] = c[b * l + a];
  const { values, vectors } = symmetricEigen(c, l);
  const kk = Math.min(k, l);
  const s = Float64Array.from({ length: kk }, (_, i) => Math.sqrt(Math.max(values[i], 0)));
  const u = new Float64Array(m.rows * kk);
  for (let i = 0; i < m.rows; i++)
    for (let c2 = 0; c2 < kk; c2++) {
      let sum = 0;
      const w = vectors[c2];
      for (let a = 0; a < l; a++) sum += y[i * l + a] * w[a];
      u[i * kk + c2] = sum;
    }
  const v = new Float64Array(m.cols * kk);
  for (let j = 0; j < m.cols; j++)
    for (let c2 = 0; c2 < kk; c2++) {
      let sum = 0;
      const w = vectors[c2];
      for (let a = 0; a < l; a++) sum += bt[j * l + a] * w[a];
      v[j * kk + c2] = s[c2] > 0 ? sum / s[c2] : 0;
    }
  return { u, s, v, k: kk };
}
