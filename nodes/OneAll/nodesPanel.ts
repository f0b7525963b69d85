/**
 * What n8n's nodes panel says of the "OneAll" entry. The panel merges a trigger into the node whose type
 * name is the trigger's without "Trigger" (oneAllTrigger → oneAll), lists both nodes' actions under one
 * entry and shows the trigger's description for it (n8n editor-ui, useActionsGeneration.ts,
 * generateMergedNodesAndActions). So the OneAll Trigger carries this text, which says what both do,
 * publishing first: it is what someone who wants to post reads.
 */
export const NODES_PANEL_DESCRIPTION =
	'Publish posts, pins, tweets and videos to Facebook, LinkedIn, Pinterest, X and YouTube, read OneAll users and identities, or start a workflow on new logins, users or sharing messages';
