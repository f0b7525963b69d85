import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { failFor, type Fail } from '../../helpers/fail';
import { apiPath, idSegment } from '../../transport/path';
import { oneAllApiRequest, resultData } from '../../transport/request';
import { OBJECT_LOCATORS } from '../common/locators';
import type { ExecutionScope, OperationModule } from '../operation';
import { readToken } from '../common/read';
import { buildPushBody } from './body';
import { pushProperties } from './properties';
import type { PushSpec } from './spec';

export interface PushOperation extends OperationModule {
	spec: PushSpec;
}

function collection(value: unknown, label: string, fail: Fail): IDataObject {
	if (value === undefined || value === null) return {};
	return typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : fail(`"${label}" must be a collection of fields`);
}

/** Everything n8n needs for one push operation, derived from its spec. */
export function definePush(spec: PushSpec): PushOperation {
	const description = updateDisplayOptions(
		{ show: { resource: [spec.network], operation: [spec.operation] } },
		pushProperties(spec),
	);
	const locatorParams = new Set(spec.fields.filter((field) => field.kind === 'locator').map((field) => field.param));

	function prepare(this: IExecuteFunctions, itemIndex: number, scope: ExecutionScope) {
		const fail = failFor(this.getNode(), itemIndex);
		const parameter = (name: string, extractValue: boolean) =>
			this.getNodeParameter(name, itemIndex, '', { extractValue });

		const segments: Record<string, string> = { identity: readToken(this, 'identity', 'Identity token', itemIndex, fail) };
		for (const kind of spec.pathLocators ?? []) {
			segments[kind] = idSegment(parameter(kind, true), `${OBJECT_LOCATORS[kind].displayName} ID`, fail);
		}
		const body = buildPushBody(
			spec,
			{
				get: (param) => parameter(param, locatorParams.has(param)),
				additionalFields: collection(this.getNodeParameter('additionalFields', itemIndex, {}), 'Additional Fields', fail),
				options: collection(this.getNodeParameter('options', itemIndex, {}), 'Options', fail),
			},
			fail,
		);
		const path = apiPath(`/push/identities/{identity}/${spec.path}`, segments);
		return async () =>
			resultData(await oneAllApiRequest.call(this, { method: 'POST', path, body, ...scope }, itemIndex));
	}

	async function execute(this: IExecuteFunctions, itemIndex: number, scope: ExecutionScope): Promise<IDataObject> {
		return (await prepare.call(this, itemIndex, scope)()) as IDataObject;
	}

	return { spec, description, execute, prepare };
}
