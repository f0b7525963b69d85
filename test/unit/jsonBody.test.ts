import { Base64File, jsonBodyWithFiles } from '../../nodes/OneAll/transport/jsonBody';

const bytes = (size: number, seed = 3) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + seed) & 0xff));

/** A file delivered in the given chunk sizes (any, not multiples of 3). */
function chunked(content: Buffer, sizes: number[], declared = content.length): Base64File {
	return new Base64File(
		declared,
		async () =>
			(async function* () {
				let at = 0;
				for (const size of sizes) {
					yield content.subarray(at, at + size);
					at += size;
				}
				if (at < content.length) yield content.subarray(at);
			})(),
		(read) => new Error(`changed: ${read}`),
	);
}

describe('jsonBodyWithFiles', () => {
	it('leaves a body without files to the HTTP client', async () => {
		expect(await jsonBodyWithFiles({ request: { a: 1 } })).toBeUndefined();
	});

	it('writes each file as base64 in place, whatever the chunk boundaries, and the rest as JSON.stringify would', async () => {
		for (const size of [1, 2, 3, 4, 5, 100_000, 100_001, 100_002]) {
			const first = bytes(size);
			const second = bytes(size + 7, 9);
			const sizes = [1, 1, 4, 2, 65_536, 5, 7];
			const text = 'Vidéo 🎬 "quoted" \\ \n';
			const body = await jsonBodyWithFiles({
				request: { parts: { text, uploads: [{ name: 'a.mp4', data: chunked(first, sizes) }, { name: 'b.png', data: chunked(second, [2, 2, 2]) }] } },
			});
			const expected = JSON.stringify({
				request: { parts: { text, uploads: [{ name: 'a.mp4', data: first.toString('base64') }, { name: 'b.png', data: second.toString('base64') }] } },
			});
			expect(body?.toString('utf8')).toBe(expected);
			expect(body?.length).toBe(Buffer.byteLength(expected));
		}
	});

	it('a string that looks like the marker stays text', async () => {
		const body = await jsonBodyWithFiles({ a: 'oneall-file-0', b: new Base64File(3, async () => [Buffer.from('abc')], () => new Error('x')) });
		expect(JSON.parse(body!.toString('utf8'))).toEqual({ a: 'oneall-file-0', b: 'YWJj' });
	});

	it('a file longer or shorter than its size is refused before any body exists', async () => {
		const content = bytes(10);
		await expect(jsonBodyWithFiles({ data: chunked(content, [4, 4], 8) })).rejects.toThrow('changed: 10');
		await expect(jsonBodyWithFiles({ data: chunked(content, [4, 4], 12) })).rejects.toThrow('changed: 10');
	});
});
