import { randomFillSync } from "node:crypto";

const pool = new Uint8Array(4096);
let poolOffset = pool.length;
let lastMs = -1;
let counter = 0;

function randomBytes(count: number): Uint8Array {
  if (poolOffset + count > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + count);
  poolOffset += count;
  return bytes;
}

const HEX: string[] = Array.from({ length: 256 }, (_, index) => index.toString(16).padStart(2, "0"));

/**
 * A UUIDv7 string (RFC 9562): 48-bit millisecond time, then a 12-bit counter that keeps ids
 * made in the same millisecond in order, then random bits. Ids sort like their creation order.
 */
export function uuid7(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    counter++;
    if (counter > 0xfff) {
      ms = lastMs + 1;
      counter = 0;
    }
  } else {
    counter = (randomBytes(1)[0] ?? 0) & 0x7f;
  }
  lastMs = ms;
  const random = randomBytes(8);
  const bytes = new Uint8Array(16);
  let time = ms;
  for (let index = 5; index >= 0; index--) {
    bytes[index] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((random[0] ?? 0) & 0x3f);
  for (let index = 1; index < 8; index++) bytes[8 + index] = random[index] ?? 0;
  let out = "";
  for (let index = 0; index < 16; index++) {
    if (index === 4 || index === 6 || index === 8 || index === 10) out += "-";
    out += HEX[bytes[index] ?? 0];
  }
  return out;
}
