/** UTF-8 text ⇄ base64url (RFC 4648 §5, no padding): the alphabet a URL carries without escaping. */

export function toBase64url(text: string): string {
  return bytesToBase64url(new TextEncoder().encode(text));
}

export function bytesToBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes, or null when `code` is not base64url. Never throws. */
export function base64urlToBytes(code: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(code) || code.length % 4 === 1) return null;
  const b64 = code.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(b64 + '==='.slice((b64.length + 3) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** UTF-8 bytes as text, or null when they are not valid UTF-8. Never throws. */
export function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The text, or null when `code` is not base64url of valid UTF-8. Never throws. */
export function fromBase64url(code: string): string | null {
  const bytes = base64urlToBytes(code);
  return bytes && utf8(bytes);
}
