/** Skip If Already Published: the existing post's id (nodes/OneAll/actions/push/alreadyPublished.ts). */
import { existingId } from '../../nodes/OneAll/actions/push/alreadyPublished';

describe('existingId', () => {
	it('takes the list\'s own id key, then id, then any …_id; text as it is, a number only while exact', () => {
		expect(existingId({ pin_id: '1152921504606846977', id: 3 }, 'pins')).toEqual({ key: 'pin_id', id: '1152921504606846977' });
		expect(existingId({ id: 42 }, 'posts')).toEqual({ key: 'id', id: '42' });
		// JSON reading already rounded this tweet id: the exact one is the id_str, or none.
		expect(existingId({ id: 2 ** 60, tweet_id: '', id_str: '1152921504606846977' }, 'tweets')).toEqual({ key: 'id_str', id: '1152921504606846977' });
		expect(existingId({ id: 2 ** 60 }, 'tweets')).toBeUndefined();
		expect(existingId({ id: -1.5, name: 'x' }, 'posts')).toBeUndefined();
	});
});
