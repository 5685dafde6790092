/**
 * A password-encrypted .xlsx built by hand, as Excel writes one ("Encrypt with Password"): the workbook's
 * zip encrypted with ECMA-376 agile encryption (AES-256, SHA-512, MS-OFFCRYPTO 2.3.4.10) and stored
 * with its EncryptionInfo in an OLE compound file (MS-CFB, version 3).
 */
import { createCipheriv, createHash, createHmac, randomBytes } from "node:crypto";

const SECTOR = 512;
const MINI_SECTOR = 64;
const MINI_CUTOFF = 4096;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

interface CompoundStream {
  name: string;
  data: Uint8Array;
}

/** An OLE compound file holding the given streams under its root storage. */
function compoundFile(streams: readonly CompoundStream[]): Buffer {
  // Siblings chained to the right must be in the directory's order: shorter names first, then by upper case.
  const entries = [...streams].sort(
    (a, b) => a.name.length - b.name.length || (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : 1),
  );
  const small = entries.filter((s) => s.data.length < MINI_CUTOFF);
  const large = entries.filter((s) => s.data.length >= MINI_CUTOFF);

  // The mini stream: small streams in 64-byte mini sectors, chained in the mini FAT.
  const miniStart = new Map<CompoundStream, number>();
  const miniFat: number[] = [];
  for (const stream of small) {
    const count = Math.max(1, Math.ceil(stream.data.length / MINI_SECTOR));
    miniStart.set(stream, miniFat.length);
    for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? END_OF_CHAIN : miniFat.length + 1);
  }
  const miniStream = Buffer.alloc(miniFat.length * MINI_SECTOR);
  for (const stream of small) miniStream.set(stream.data, miniStart.get(stream)! * MINI_SECTOR);

  const sectorsFor = (bytes: number) => Math.ceil(bytes / SECTOR);
  const directorySectors = sectorsFor((entries.length + 1) * 128);
  const miniFatSectors = sectorsFor(miniFat.length * 4);
  const miniStreamSectors = sectorsFor(miniStream.length);
  const largeSectors = large.map((s) => sectorsFor(s.data.length));
  const contentSectors =
    directorySectors + miniFatSectors + miniStreamSectors + largeSectors.reduce((sum, n) => sum + n, 0);
  let fatSectors = 1;
  while (fatSectors * (SECTOR / 4) < fatSectors + contentSectors) fatSectors++;
  if (fatSectors > 109) throw new Error("compound file too large for a header-only sector allocation table");

  const fat: number[] = [];
  const chain = (count: number): number => {
    if (count === 0) return END_OF_CHAIN;
    const start = fat.length;
    for (let i = 0; i < count; i++) fat.push(i === count - 1 ? END_OF_CHAIN : fat.length + 1);
    return start;
  };
  for (let i = 0; i < fatSectors; i++) fat.push(FAT_SECTOR);
  const directoryStart = chain(directorySectors);
  const miniFatStart = chain(miniFatSectors);
  const miniStreamStart = chain(miniStreamSectors);
  const largeStart = largeSectors.map((count) => chain(count));
  const totalSectors = fat.length;

  const file = Buffer.alloc(SECTOR * (1 + totalSectors));
  const sector = (n: number) => SECTOR * (1 + n);

  // Header.
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(file, 0);
  file.writeUInt16LE(0x003e, 24);
  file.writeUInt16LE(0x0003, 26);
  file.writeUInt16LE(0xfffe, 28);
  file.writeUInt16LE(9, 30);
  file.writeUInt16LE(6, 32);
  file.writeUInt32LE(fatSectors, 44);
  file.writeUInt32LE(directoryStart, 48);
  file.writeUInt32LE(MINI_CUTOFF, 56);
  file.writeUInt32LE(miniFatSectors > 0 ? miniFatStart : END_OF_CHAIN, 60);
  file.writeUInt32LE(miniFatSectors, 64);
  file.writeUInt32LE(END_OF_CHAIN, 68);
  file.writeUInt32LE(0, 72);
  for (let i = 0; i < 109; i++) file.writeUInt32LE(i < fatSectors ? i : FREE, 76 + i * 4);

  // Sector allocation table, free entries marked.
  for (let i = 0; i < fatSectors * (SECTOR / 4); i++) {
    file.writeUInt32LE(i < fat.length ? fat[i] : FREE, sector(0) + i * 4);
  }

  // Directory: the root storage, then each stream, siblings chained to the right (a valid, all-black tree).
  const directory = sector(directoryStart);
  const writeEntry = (
    index: number,
    name: string,
    type: number,
    child: number,
    right: number,
    start: number,
    size: number,
  ) => {
    const at = directory + index * 128;
    file.write(`${name}\u0000`, at, "utf16le");
    file.writeUInt16LE((name.length + 1) * 2, at + 64);
    file.writeUInt8(type, at + 66);
    file.writeUInt8(1, at + 67);
    file.writeUInt32LE(NO_STREAM, at + 68);
    file.writeUInt32LE(right, at + 72);
    file.writeUInt32LE(child, at + 76);
    file.writeUInt32LE(start, at + 116);
    file.writeUInt32LE(size, at + 120);
  };
  writeEntry(
    0,
    "Root Entry",
    5,
    entries.length > 0 ? 1 : NO_STREAM,
    NO_STREAM,
    miniStream.length > 0 ? miniStreamStart : END_OF_CHAIN,
    miniStream.length,
  );
  entries.forEach((stream, i) => {
    const start = miniStart.has(stream) ? miniStart.get(stream)! : largeStart[large.indexOf(stream)];
    writeEntry(i + 1, stream.name, 2, NO_STREAM, i + 1 < entries.length ? i + 2 : NO_STREAM, start, stream.data.length);
  });
  for (let i = entries.length + 1; i < directorySectors * (SECTOR / 128); i++) {
    const at = directory + i * 128;
    file.writeUInt32LE(NO_STREAM, at + 68);
    file.writeUInt32LE(NO_STREAM, at + 72);
    file.writeUInt32LE(NO_STREAM, at + 76);
  }

  for (let i = 0; i < miniFatSectors * (SECTOR / 4); i++) {
    file.writeUInt32LE(i < miniFat.length ? miniFat[i] : FREE, sector(miniFatStart) + i * 4);
  }
  if (miniStream.length > 0) miniStream.copy(file, sector(miniStreamStart));
  large.forEach((stream, i) => file.set(stream.data, sector(largeStart[i])));
  return file;
}

const BLOCK_KEYS = {
  verifierInput: Buffer.from("fea7d2763b4b9e79", "hex"),
  verifierValue: Buffer.from("d7aa0f6d3061344e", "hex"),
  keyValue: Buffer.from("146e0be7abacd0d6", "hex"),
  hmacKey: Buffer.from("5fb2ad010cb9e1f6", "hex"),
  hmacValue: Buffer.from("a0677f02b22c8433", "hex"),
};
const SPIN_COUNT = 100000;
const SEGMENT = 4096;

const sha512 = (...parts: Uint8Array[]) => createHash("sha512").update(Buffer.concat(parts)).digest();
const uint32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

/** AES-256-CBC without padding; the input is zero-filled to whole blocks as the format asks. */
function aes(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const padded = Buffer.alloc(Math.ceil(data.length / 16) * 16);
  data.copy(padded);
  const cipher = createCipheriv("aes-256-cbc", key, iv.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]);
}

function passwordKey(password: string, salt: Buffer, blockKey: Buffer): Buffer {
  let hash = sha512(salt, Buffer.from(password, "utf16le"));
  for (let i = 0; i < SPIN_COUNT; i++) hash = sha512(uint32(i), hash);
  return sha512(hash, blockKey).subarray(0, 32);
}

/** The .xlsx bytes encrypted with a password to open, as the OLE container Excel writes. */
export function encryptWorkbook(xlsx: Uint8Array, password: string): Buffer {
  const keySalt = randomBytes(16);
  const passwordSalt = randomBytes(16);
  const secretKey = randomBytes(32);

  const segments: Buffer[] = [];
  for (let i = 0, at = 0; at < xlsx.length; i++, at += SEGMENT) {
    const iv = sha512(keySalt, uint32(i));
    segments.push(aes(secretKey, iv, Buffer.from(xlsx.subarray(at, at + SEGMENT))));
  }
  const sizePrefix = Buffer.alloc(8);
  sizePrefix.writeBigUInt64LE(BigInt(xlsx.length));
  const encryptedPackage = Buffer.concat([sizePrefix, ...segments]);

  const hmacKey = randomBytes(64);
  const hmacValue = createHmac("sha512", hmacKey).update(encryptedPackage).digest();
  const encryptedHmacKey = aes(secretKey, sha512(keySalt, BLOCK_KEYS.hmacKey), hmacKey);
  const encryptedHmacValue = aes(secretKey, sha512(keySalt, BLOCK_KEYS.hmacValue), hmacValue);

  const verifier = randomBytes(16);
  const encryptedVerifierInput = aes(
    passwordKey(password, passwordSalt, BLOCK_KEYS.verifierInput),
    passwordSalt,
    verifier,
  );
  const encryptedVerifierValue = aes(
    passwordKey(password, passwordSalt, BLOCK_KEYS.verifierValue),
    passwordSalt,
    sha512(verifier),
  );
  const encryptedKey = aes(passwordKey(password, passwordSalt, BLOCK_KEYS.keyValue), passwordSalt, secretKey);

  const b64 = (b: Buffer) => b.toString("base64");
  const cipher =
    'saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"';
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
    'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" ' +
    'xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">' +
    `<keyData ${cipher} saltValue="${b64(keySalt)}"/>` +
    `<dataIntegrity encryptedHmacKey="${b64(encryptedHmacKey)}" encryptedHmacValue="${b64(encryptedHmacValue)}"/>` +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    `<p:encryptedKey spinCount="${SPIN_COUNT}" ${cipher} saltValue="${b64(passwordSalt)}" ` +
    `encryptedVerifierHashInput="${b64(encryptedVerifierInput)}" ` +
    `encryptedVerifierHashValue="${b64(encryptedVerifierValue)}" encryptedKeyValue="${b64(encryptedKey)}"/>` +
    "</keyEncryptor></keyEncryptors></encryption>";
  const version = Buffer.alloc(8);
  version.writeUInt16LE(4, 0);
  version.writeUInt16LE(4, 2);
  version.writeUInt32LE(0x40, 4);
  const encryptionInfo = Buffer.concat([version, Buffer.from(xml, "utf8")]);

  return compoundFile([
    { name: "EncryptionInfo", data: encryptionInfo },
    { name: "EncryptedPackage", data: encryptedPackage },
  ]);
}
