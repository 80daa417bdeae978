/** base64 without Buffer (browser and Node) */

// globals in browsers and Node >= 16; declared here because src/lib also compiles without the DOM library (engine)
declare function btoa(data: string): string;
declare function atob(data: string): string;

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** throws on text that is not base64 */
export function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
