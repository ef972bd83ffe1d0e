/**
 * Quantiles of Student's t distribution, for confidence intervals built from a few batch means.
 *
 * The upper tail is P(T > t) = I_x(df/2, 1/2) / 2 with x = df / (df + t^2), where I is the
 * regularized incomplete beta function, evaluated by its continued fraction. The quantile solves
 * tail(t) = 1 - p by Newton's method from t = 0. The tail is convex for t > 0, so every tangent
 * lies below it: each step lands short of the root, and the iteration climbs to it without ever
 * overshooting. One and two degrees of freedom have closed forms.
 */

/** Beyond this many degrees of freedom the quantile moves by less than 1e-7; cap to stay fast. */
const MAX_DEGREES_OF_FREEDOM = 1e7;
const MAX_NEWTON_STEPS = 2000;

export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile: p must be in (0, 1), got ${p}`);
  if (!(degreesOfFreedom > 0)) {
    throw new RangeError(
      `studentTQuantile: degrees of freedom must be > 0, got ${degreesOfFreedom}`,
    );
  }
  if (p < 0.5) return -studentTQuantile(1 - p, degreesOfFreedom);
  if (p === 0.5) return 0;

  const df = Math.min(degreesOfFreedom, MAX_DEGREES_OF_FREEDOM);
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  return solveUpperTail(1 - p, df);
}

/** Newton's method on tail(t) - tailProbability, from the left (see the module header). */
function solveUpperTail(tailProbability: number, df: number): number {
  const logNormalizer = -logBeta(df / 2, 0.5) - 0.5 * Math.log(df);
  let t = 0;
  for (let step = 0; step < MAX_NEWTON_STEPS; step++) {
    const density = Math.exp(logNormalizer - ((df + 1) / 2) * Math.log1p((t * t) / df));
    const move = (upperTail(t, df) - tailProbability) / density;
    t += move;
    // In exact arithmetic every move is positive; a tiny or backward one means rounding noise.
    if (move <= 1e-14 * t) return t;
  }
  throw new Error(`studentTQuantile: no convergence for tail ${tailProbability}, df ${df}`);
}

/** P(T > t) for t >= 0; 1 - x is formed directly so that small t loses no precision. */
function upperTail(t: number, df: number): number {
  const tSquared = t * t;
  const x = df / (df + tSquared);
  const oneMinusX = tSquared / (df + tSquared);
  return regularizedBeta(x, oneMinusX, df / 2, 0.5) / 2;
}

/**
 * I_x(a, b), given x and 1 - x separately. The continued fraction converges fast only for
 * x < (a + 1) / (a + b + 2); above that the symmetry I_x(a, b) = 1 - I_(1-x)(b, a) is used.
 */
export function regularizedBeta(x: number, oneMinusX: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (oneMinusX <= 0) return 1;

  const logFront = a * Math.log(x) + b * Math.log(oneMinusX) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaFraction(oneMinusX, b, a)) / b;
}

const TINY = 1e-300;
const MAX_FRACTION_TERMS = 100_000;

/**
 * The continued fraction 1 / (1 + d1 / (1 + d2 / (1 + ...))) for the incomplete beta, with
 * d(2m+1) = -(a+m)(a+b+m) x / ((a+2m)(a+2m+1)) and d(2m) = m(b-m) x / ((a+2m-1)(a+2m)).
 * The denominator 1 + d1 / (1 + ...) is built forwards by the modified Lentz method: c and d are
 * the ratios of successive numerators and denominators of its convergents, and TINY stands in
 * for a zero that would otherwise divide.
 */
function betaFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 0;
  let convergent = 1;
  for (let k = 1; k <= MAX_FRACTION_TERMS; k++) {
    const term = fractionTerm(k, x, a, b);
    d = 1 / nonZero(1 + term * d);
    c = nonZero(1 + term / c);
    convergent *= c * d;
    if (Math.abs(c * d - 1) < 1e-16) return 1 / convergent;
  }
  throw new Error(`regularizedBeta: no convergence for x ${x}, a ${a}, b ${b}`);
}

function fractionTerm(k: number, x: number, a: number, b: number): number {
  const m = Math.floor(k / 2);
  if (k % 2 === 0) return (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
  return (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
}

function nonZero(value: number): number {
  return Math.abs(value) < TINY ? TINY : value;
}

function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Stirling's series is accurate to about 1e-16 once x >= 15; below, shift up by recurrence. */
const STIRLING_FROM = 15;

/** ln Gamma(x) for x > 0, via Gamma(x) = Gamma(x + n) / (x (x+1) ... (x+n-1)). */
export function logGamma(x: number): number {
  let product = 1;
  while (x < STIRLING_FROM) {
    product *= x;
    x += 1;
  }
  return stirling(x) - Math.log(product);
}

/**
 * (x - 1/2) ln x - x + ln(2 pi)/2 + 1/(12x) - 1/(360x^3) + 1/(1260x^5) - 1/(1680x^7)
 * + 1/(1188x^9); the next term, 691/(360360x^11), is below 3e-16 from x = 15.
 */
function stirling(x: number): number {
  const inverse = 1 / x;
  const inverseSquared = inverse * inverse;
  const tail = 1 / 1680 - inverseSquared / 1188;
  const series =
    inverse *
    (1 / 12 - inverseSquared * (1 / 360 - inverseSquared * (1 / 1260 - inverseSquared * tail)));
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series;
}
