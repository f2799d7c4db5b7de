import {
  KeyObject,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/** A public key that verifies audit signatures, as published. */
export type AuditPublicKey = {
  id: string;
  /** SPKI PEM of the Ed25519 public key. */
  publicKey: string;
  /** Whether new entries and checkpoints are signed with it. */
  active: boolean;
};

/** The outcome of checking one signature. */
export type SignatureCheck = 'valid' | 'invalid' | 'unknown-key';

/** Key ids name files and go into URLs: keep them plain. */
const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The id of the key generated at start when none is configured. */
export const EPHEMERAL_KEY_PREFIX = 'development-ephemeral-';

function keyError(path: string, problem: string): Error {
  return new Error(`Invalid config at moratorium.audit.${path}: ${problem}`);
}

function ed25519Private(pem: string, path: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw keyError(
      path,
      `not a PEM private key (${
        (error as Error).message
      }); generate one with \`openssl genpkey -algorithm ed25519\``,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw keyError(
      path,
      `the key is ${key.asymmetricKeyType}, but audit entries are signed with Ed25519`,
    );
  }
  return key;
}

function ed25519Public(pem: string, path: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw keyError(path, `not a PEM public key (${(error as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw keyError(path, `the key is ${key.asymmetricKeyType}, not Ed25519`);
  }
  return key;
}

/**
 * Signs audit entries and checkpoints with an Ed25519 key held in config,
 * outside the database, and verifies signatures with every key the
 * deployment knows: the signing keys and the retired ones kept for
 * verification only (`moratorium.audit.verificationKeys`).
 *
 * A signature is Ed25519 over the UTF-8 bytes of a message (for an entry,
 * its 64-character hex hash), base64-encoded; `openssl pkeyutl -verify
 * -rawin` checks it with the published public key.
 */
export class AuditSigner {
  /**
   * Reads `moratorium.audit`. With no signing key configured, a key is
   * generated for this process with a warning (development only: entries it
   * signed cannot be verified after a restart); in production
   * (`NODE_ENV=production`) that is refused, and so is a key whose id starts
   * with `development`.
   */
  static fromConfig(
    config: Config,
    options: { logger?: LoggerService; production?: boolean } = {},
  ): AuditSigner {
    const production =
      options.production ?? process.env.NODE_ENV === 'production';
    const audit = config.getOptionalConfig('moratorium.audit');
    const signing = audit?.getOptionalConfigArray('signingKeys') ?? [];
    if (signing.length === 0) {
      if (production) {
        throw keyError(
          'signingKeys',
          'production needs an Ed25519 signing key held outside the database (see docs/audit.md, "Keys")',
        );
      }
      const signer = AuditSigner.ephemeral();
      options.logger?.warn(
        `No moratorium.audit.signingKeys configured: audit entries are signed with a key generated for this process (${signer.activeKeyId}). Entries it signs cannot be verified after a restart; configure a key outside development (docs/audit.md).`,
      );
      return signer;
    }
    const keys = new Map<
      string,
      { privateKey?: KeyObject; publicKey: KeyObject }
    >();
    signing.forEach((entry, index) => {
      const path = `signingKeys[${index}]`;
      const id = entry.getString('id');
      if (!KEY_ID.test(id)) {
        throw keyError(
          `${path}.id`,
          `"${id}" is not a plain key id (letters, digits, . _ -)`,
        );
      }
      if (keys.has(id)) {
        throw keyError(`${path}.id`, `key id "${id}" is used twice`);
      }
      if (production && id.startsWith('development')) {
        throw keyError(
          `${path}.id`,
          `"${id}" is a development key and is refused in production`,
        );
      }
      const privateKey = ed25519Private(
        entry.getString('privateKey'),
        `${path}.privateKey`,
      );
      keys.set(id, { privateKey, publicKey: createPublicKey(privateKey) });
    });
    (audit?.getOptionalConfigArray('verificationKeys') ?? []).forEach(
      (entry, index) => {
        const path = `verificationKeys[${index}]`;
        const id = entry.getString('id');
        if (keys.has(id)) {
          throw keyError(`${path}.id`, `key id "${id}" is used twice`);
        }
        keys.set(id, {
          publicKey: ed25519Public(
            entry.getString('publicKey'),
            `${path}.publicKey`,
          ),
        });
      },
    );
    const activeKeyId =
      audit?.getOptionalString('activeKeyId') ?? signing[0].getString('id');
    if (!keys.get(activeKeyId)?.privateKey) {
      throw keyError(
        'activeKeyId',
        `"${activeKeyId}" is not the id of one of moratorium.audit.signingKeys`,
      );
    }
    return new AuditSigner(keys, activeKeyId);
  }

  /** A signer with a key generated now, for development and tests. */
  static ephemeral(id?: string): AuditSigner {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const keyId =
      id ??
      `${EPHEMERAL_KEY_PREFIX}${publicKey
        .export({ format: 'der', type: 'spki' })
        .subarray(-6)
        .toString('hex')}`;
    return new AuditSigner(
      new Map([[keyId, { privateKey, publicKey }]]),
      keyId,
    );
  }

  /** A signer from PEM keys, for tests and tools. */
  static fromKeys(
    keys: Array<{ id: string; privateKey?: string; publicKey?: string }>,
    activeKeyId: string,
  ): AuditSigner {
    const map = new Map<
      string,
      { privateKey?: KeyObject; publicKey: KeyObject }
    >();
    for (const key of keys) {
      const privateKey = key.privateKey
        ? ed25519Private(key.privateKey, `signingKeys[${key.id}]`)
        : undefined;
      const publicKey = privateKey
        ? createPublicKey(privateKey)
        : ed25519Public(key.publicKey ?? '', `verificationKeys[${key.id}]`);
      map.set(key.id, { privateKey, publicKey });
    }
    if (!map.get(activeKeyId)?.privateKey) {
      throw keyError('activeKeyId', `"${activeKeyId}" has no private key`);
    }
    return new AuditSigner(map, activeKeyId);
  }

  readonly #keys: Map<string, { privateKey?: KeyObject; publicKey: KeyObject }>;

  /** The id of the key that signs new entries and checkpoints. */
  readonly activeKeyId: string;

  private constructor(
    keys: Map<string, { privateKey?: KeyObject; publicKey: KeyObject }>,
    activeKeyId: string,
  ) {
    this.#keys = keys;
    this.activeKeyId = activeKeyId;
  }

  /** Signs a message with the active key. */
  sign(message: string): { keyId: string; signature: string } {
    const key = this.#keys.get(this.activeKeyId)!.privateKey!;
    return {
      keyId: this.activeKeyId,
      signature: sign(null, Buffer.from(message, 'utf8'), key).toString(
        'base64',
      ),
    };
  }

  /** Checks a signature of a message by the key with that id. */
  verify(keyId: string, message: string, signature: string): SignatureCheck {
    const key = this.#keys.get(keyId);
    if (!key) {
      return 'unknown-key';
    }
    try {
      return verify(
        null,
        Buffer.from(message, 'utf8'),
        key.publicKey,
        Buffer.from(signature, 'base64'),
      )
        ? 'valid'
        : 'invalid';
    } catch {
      return 'invalid';
    }
  }

  /** The public keys, for auditors. */
  publicKeys(): AuditPublicKey[] {
    return [...this.#keys.entries()].map(([id, key]) => ({
      id,
      publicKey: key.publicKey.export({
        format: 'pem',
        type: 'spki',
      }) as string,
      active: id === this.activeKeyId,
    }));
  }
}
