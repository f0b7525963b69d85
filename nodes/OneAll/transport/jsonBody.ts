import { randomUUID } from 'node:crypto';

/**
 * A file that goes into a JSON body as base64 text (Sharing's `parts.uploads[].data`). The transport
 * reads it once, while it builds the body, straight into the bytes that are sent: no base64 string, no
 * JSON string of the whole body, no copy of either.
 */
export class Base64File {
	/**
	 * @param bytes the file's exact size, checked by the caller: the body is allocated for it
	 * @param read the content in chunks of any size; called once, when the body is built
	 * @param changed the error to throw when the content is not `bytes` long (the file changed after its check)
	 */
	constructor(
		readonly bytes: number,
		readonly read: () => Promise<AsyncIterable<Uint8Array> | Iterable<Uint8Array>>,
		readonly changed: (bytesRead: number) => Error,
	) {}

	/** Length of its base64 text, padding included. */
	get encodedLength(): number {
		return 4 * Math.ceil(this.bytes / 3);
	}
}

/** Bytes encoded per string: small enough that each piece stays in V8's young generation. */
const ENCODE_STEP = 3 * 16 * 1024;

/** Writes `file`'s base64 at `offset` of `target` and returns the offset after it. */
async function writeBase64(file: Base64File, target: Buffer, offset: number): Promise<number> {
	let read = 0;
	let at = offset;
	// 0 to 2 bytes left over from the previous chunk: base64 encodes whole groups of 3.
	let carry = Buffer.alloc(0);
	const encode = (bytes: Uint8Array) => {
		for (let start = 0; start < bytes.length; start += ENCODE_STEP) {
			const piece = Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(ENCODE_STEP, bytes.length - start));
			at += target.write(piece.toString('base64'), at, 'latin1');
		}
	};
	for await (const chunk of await file.read()) {
		read += chunk.length;
		if (read > file.bytes) throw file.changed(read);
		let rest = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
		if (carry.length > 0) {
			const fill = Math.min(3 - carry.length, rest.length);
			carry = Buffer.concat([carry, rest.subarray(0, fill)]);
			rest = rest.subarray(fill);
			if (carry.length < 3) continue;
			encode(carry);
			carry = Buffer.alloc(0);
		}
		const whole = rest.length - (rest.length % 3);
		encode(rest.subarray(0, whole));
		carry = Buffer.from(rest.subarray(whole));
	}
	if (read !== file.bytes) throw file.changed(read);
	encode(carry);
	return at;
}

function holdsFile(value: unknown): boolean {
	if (value instanceof Base64File) return true;
	if (typeof value !== 'object' || value === null) return false;
	return Object.values(value).some(holdsFile);
}

/**
 * `value` as a JSON body, ready to send: `undefined` when it holds no Base64File (the HTTP client
 * serialises it as usual), else one Buffer of exactly the body's size with each file's base64 written
 * in place. Each file is read once, here; its content is dropped as soon as it is encoded.
 */
export async function jsonBodyWithFiles(value: unknown): Promise<Buffer | undefined> {
	// Most bodies hold no file: a walk is cheaper than serialising them twice.
	if (!holdsFile(value)) return undefined;
	const files: Base64File[] = [];
	// A marker no other string of the body can hold (random), replaced by the file's base64 below.
	const marker = `oneall-file-${randomUUID()}-`;
	const text = JSON.stringify(value, (_key, inner: unknown) => {
		if (!(inner instanceof Base64File)) return inner;
		files.push(inner);
		return `${marker}${files.length - 1}`;
	});
	if (files.length === 0) return undefined;
	// Split keeps the captured index: text, index, text, index, …, text.
	const pieces = text.split(new RegExp(`"${marker}(\\d+)"`));
	const texts = pieces.filter((_, i) => i % 2 === 0);
	const size =
		texts.reduce((sum, piece) => sum + Buffer.byteLength(piece, 'utf8'), 0) +
		files.reduce((sum, file) => sum + file.encodedLength + 2, 0);
	// Every byte is written below, and the size is checked before the body is used.
	const body = Buffer.allocUnsafeSlow(size);
	let offset = 0;
	for (let i = 0; i < pieces.length; i++) {
		if (i % 2 === 0) {
			offset += body.write(pieces[i], offset, 'utf8');
			continue;
		}
		offset += body.write('"', offset, 'latin1');
		offset = await writeBase64(files[Number(pieces[i])], body, offset);
		offset += body.write('"', offset, 'latin1');
	}
	if (offset !== size) throw new Error(`The request body came out ${offset} bytes long instead of ${size}`);
	return body;
}
