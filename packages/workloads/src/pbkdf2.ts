/**
 * PBKDF2-HMAC-SHA-256 in plain JavaScript: the main-thread equivalent of the runtimes' native key derivation
 * (the lesson's "C code that releases the lock"), and the independent reference every native result is
 * verified against. One 32-byte block; the HMAC key's inner and outer states are computed once, so an
 * iteration is two SHA-256 compressions, as in native implementations.
 */

/** The password and salt every key-derivation task uses (so every result can be checked against one value). */
export const PBKDF2_PASSWORD = new TextEncoder().encode("concurrency is not parallelism");
export const PBKDF2_SALT = new TextEncoder().encode("runtime-bench");
export const PBKDF2_KEY_BYTES = 32;

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INITIAL_STATE = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** One SHA-256 compression of the block in `w[0..15]` (w is 64 words long) into `state`. */
function compress(state: Uint32Array, w: Uint32Array): void {
  for (let t = 16; t < 64; t++) {
    const w15 = w[t - 15]!;
    const w2 = w[t - 2]!;
    w[t] = w[t - 16]! + (rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3)) + w[t - 7]! + (rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10));
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let t = 0; t < 64; t++) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t]! + w[t]!) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = state[0]! + a;
  state[1] = state[1]! + b;
  state[2] = state[2]! + c;
  state[3] = state[3]! + d;
  state[4] = state[4]! + e;
  state[5] = state[5]! + f;
  state[6] = state[6]! + g;
  state[7] = state[7]! + h;
}

/** Hashes `message` into a copy of `from`, a state that has already taken `prefixBytes` bytes (0 or one block). */
function hashFrom(from: readonly number[] | Uint32Array, message: Uint8Array, prefixBytes: number): Uint32Array {
  const padded = new Uint8Array(Math.ceil((message.length + 9) / 64) * 64);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  const bits = (prefixBytes + message.length) * 8;
  view.setUint32(padded.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(padded.length - 4, bits >>> 0);
  const state = Uint32Array.from(from);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + 4 * i);
    compress(state, w);
  }
  return state;
}

const wordsToBytes = (words: Uint32Array): Uint8Array => {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < words.length; index++) view.setUint32(index * 4, words[index]!);
  return bytes;
};

/** PBKDF2-HMAC-SHA-256, the first 32-byte block of the derived key. */
export function pbkdf2Sha256(password: Uint8Array, salt: Uint8Array, iterations: number): Uint8Array {
  const key = new Uint8Array(64);
  key.set(password.length > 64 ? wordsToBytes(hashFrom(INITIAL_STATE, password, 0)) : password);
  const innerState = hashBlock(key.map((byte) => byte ^ 0x36));
  const outerState = hashBlock(key.map((byte) => byte ^ 0x5c));
  const first = new Uint8Array(salt.length + 4);
  first.set(salt);
  first[salt.length + 3] = 1; // INT(1): the first block
  const u = hashFrom(outerState, wordsToBytes(hashFrom(innerState, first, 64)), 64);
  const result = Uint32Array.from(u);
  // Every later U is the HMAC of the 32-byte previous one: one padded block each for the inner and outer hash.
  const inner = new Uint32Array(8);
  const outer = new Uint32Array(8);
  const w = new Uint32Array(64);
  const padOneBlock = () => {
    w[8] = 0x80000000;
    w.fill(0, 9, 15);
    w[15] = (64 + 32) * 8;
  };
  for (let iteration = 1; iteration < iterations; iteration++) {
    inner.set(innerState);
    w.set(u.subarray(0, 8));
    padOneBlock();
    compress(inner, w);
    outer.set(outerState);
    w.set(inner);
    padOneBlock();
    compress(outer, w);
    u.set(outer);
    for (let i = 0; i < 8; i++) result[i] = result[i]! ^ outer[i]!;
  }
  return wordsToBytes(result);
}

/** The state after compressing one 64-byte block from the initial state. */
function hashBlock(block: Uint8Array): Uint32Array {
  const view = new DataView(block.buffer, block.byteOffset, 64);
  const w = new Uint32Array(64);
  for (let i = 0; i < 16; i++) w[i] = view.getUint32(4 * i);
  const state = Uint32Array.from(INITIAL_STATE);
  compress(state, w);
  return state;
}

/** A derived key's checksum, the one value a key-derivation task returns: its first four bytes, big-endian. */
export const keyChecksum = (key: Uint8Array): number => new DataView(key.buffer, key.byteOffset, 4).getUint32(0);

/** Every key-derivation task of n iterations has one right answer, from the plain JavaScript reference (once per n). */
const keyChecksums = new Map<number, number>();
export function expectedKeyChecksum(iterations: number): number {
  let checksum = keyChecksums.get(iterations);
  if (checksum === undefined) {
    checksum = keyChecksum(pbkdf2Sha256(PBKDF2_PASSWORD, PBKDF2_SALT, iterations));
    keyChecksums.set(iterations, checksum);
  }
  return checksum;
}
