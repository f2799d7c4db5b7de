import { KeyObject, generateKeyPairSync, sign } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JsonObject } from '@backstage/types';

/** A key the auth backend signs user tokens with, and the test too. */
export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
  /** `auth.keyStore` config that makes the auth backend sign with this key. */
  keyStoreConfig: JsonObject;
}

/**
 * Makes an ES256 key pair and writes it where the auth backend's static key
 * store reads it, so the test holds the very key user tokens are signed
 * with and can sign a token of its own (an expired one) that only differs
 * in its claims.
 */
export async function createSigningKey(dir: string): Promise<SigningKey> {
  const { publicKey, privateKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
  });
  const publicKeyFile = join(dir, 'auth-public.pem');
  const privateKeyFile = join(dir, 'auth-private.pem');
  await writeFile(
    publicKeyFile,
    publicKey.export({ type: 'spki', format: 'pem' }) as string,
  );
  await writeFile(
    privateKeyFile,
    privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  );
  const keyId = 'authz-matrix';
  return {
    keyId,
    privateKey,
    keyStoreConfig: {
      provider: 'static',
      static: {
        keys: [{ publicKeyFile, privateKeyFile, keyId, algorithm: 'ES256' }],
      },
    },
  };
}

const base64url = (value: object) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

/** The header and claims of a JWT, unverified. */
export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [header, payload] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')),
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
  };
}

/** Signs a JWT with ES256 (the signature as JOSE wants it, r‖s). */
export function signJwt(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  privateKey: KeyObject,
): string {
  const input = `${base64url({ ...header, alg: 'ES256' })}.${base64url(
    payload,
  )}`;
  const signature = sign('sha256', Buffer.from(input), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `${input}.${signature.toString('base64url')}`;
}

/** A JWT with `alg: none` and no signature: anyone can write one. */
export function unsignedJwt(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
): string {
  return `${base64url({ ...header, alg: 'none' })}.${base64url(payload)}.`;
}

/** A fresh ES256 key the backend has never seen. */
export function strangerKey(): KeyObject {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
}
