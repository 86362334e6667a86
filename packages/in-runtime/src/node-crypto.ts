/**
 * Key derivation through node:crypto's asynchronous pbkdf2, which Node runs on libuv's thread pool and Bun on its
 * own native thread pool: the "native code that releases the lock" of those runtimes.
 */
import { pbkdf2 } from "node:crypto";

export function pbkdf2ViaNodeCrypto(password: Uint8Array, salt: Uint8Array, iterations: number, keyBytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    pbkdf2(password, salt, iterations, keyBytes, "sha256", (error, key) => (error ? reject(error) : resolve(new Uint8Array(key)))),
  );
}
