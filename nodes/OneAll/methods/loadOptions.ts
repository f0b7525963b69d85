import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { OPTION_LISTS } from '../actions/common/optionLists';
import { isNetwork, NETWORK_NAMES } from '../actions/common/networks';
import { networksOfUser } from '../actions/sharing/audience';
import { failFor } from '../helpers/fail';
import { hasResultData } from '../transport/envelope';
import { oneAllApiRequest, resultData } from '../transport/request';
import { apiPath, tokenSegment } from '../transport/path';

/** The networks of the user chosen in the same node: the providers of the user's identities (§7.2). */
async function getUserNetworks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const user = this.getCurrentNodeParameter(OPTION_LISTS.userNetworks.dependsOn, { extractValue: true });
	if (!user) {
		throw new NodeOperationError(this.getNode(), 'Choose the user first: the list shows the networks of its social accounts');
	}
	const token = tokenSegment(user, 'User token', failFor(this.getNode()));
	const path = apiPath('/users/{user}.json', { user: token });
	const answer = await oneAllApiRequest.call(this, { method: 'GET', path });
	if (!hasResultData(answer)) {
		// Never an empty list that reads as "this user has no networks".
		throw new NodeOperationError(this.getNode(), `OneAll's answer has no result.data (GET ${path})`);
	}
	return networksOfUser(resultData(answer)).map((provider) => ({
		name: isNetwork(provider) ? NETWORK_NAMES[provider] : provider,
		value: provider,
	}));
}

type LoadOptionsMethod = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

/** The node's option lists, named as the option-list table (actions/common/optionLists.ts) names them. */
export const loadOptions: Record<string, LoadOptionsMethod> = {
	[OPTION_LISTS.userNetworks.method]: getUserNetworks,
};
