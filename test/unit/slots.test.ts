import { sleep } from 'n8n-workflow';

import { Slots } from '../../nodes/OneAll/actions/common/slots';

/** Lets every pending promise settle (a macrotask later). */
const settled = async () => await sleep(0);

describe('Slots (Concurrency)', () => {
	it('hands out at most its size; a slot given back goes to a request taking its own back before an item not started yet', async () => {
		const slots = new Slots(2);
		const order: string[] = [];
		await slots.take();
		await slots.take();
		void slots.take().then(() => order.push('new item'));
		// One of the two holders waits out a 429: its slot goes to the waiting new item.
		slots.give();
		await settled();
		expect(order).toEqual(['new item']);
		// Its wait is over: no slot is free, so it queues, and goes before the next new item.
		void slots.takeBack().then(() => order.push('re-send'));
		void slots.take().then(() => order.push('another new item'));
		await settled();
		expect(order).toEqual(['new item']);
		slots.give();
		await settled();
		expect(order).toEqual(['new item', 're-send']);
		slots.give();
		await settled();
		expect(order).toEqual(['new item', 're-send', 'another new item']);
	});

	it('a slot given back goes to the queued request; with nobody queued it is free for the next take', async () => {
		const slots = new Slots(1);
		await slots.take();
		let taken = false;
		void slots.take().then(() => (taken = true));
		slots.give();
		await settled();
		expect(taken).toBe(true);
		slots.give();
		await expect(slots.take()).resolves.toBeUndefined();
	});
});
