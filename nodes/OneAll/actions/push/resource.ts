import type { INodeProperties } from 'n8n-workflow';

import { NETWORK_NAMES, type Network } from '../common/networks';
import { operationProperty } from '../common/operationProperty';
import { definePush, type PushOperation } from './definePush';
import type { PushSpec } from './spec';

export interface PushResource {
	network: Network;
	description: INodeProperties[];
	operations: Record<string, PushOperation>;
}

/** The operation dropdown and the fields of every push a network offers. */
export function pushResource(network: Network, specs: PushSpec[]): PushResource {
	const operations = specs.map((spec) => definePush(spec));
	const operationDropdown = operationProperty(
		network,
		specs.map((spec) => ({
			name: spec.name,
			value: spec.operation,
			action: spec.action,
			description: spec.description,
		})),
		`What to publish on ${NETWORK_NAMES[network]}`,
	);
	return {
		network,
		description: [operationDropdown, ...operations.flatMap((operation) => operation.description)],
		operations: Object.fromEntries(operations.map((operation) => [operation.spec.operation, operation])),
	};
}
