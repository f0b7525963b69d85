import type { PushField, PushSpec } from '../push/spec';
import { CHANNEL_SECTION_FIELDS, PLAYLIST_FIELDS } from './youtube.pushes';

// YouTube rows of the Update API table (docs/oneall-api.md §5.6, §5.7).
const PLAYLIST: PushField = {
	key: 'playlist_id',
	param: 'playlist',
	label: 'Playlist',
	kind: 'locator',
	locator: 'playlist',
	at: 'path',
	required: true,
	hint: 'A playlist of the YouTube user of the identity',
};

const SECTION_ID: PushField = {
	key: 'section_id',
	param: 'sectionId',
	label: 'Channel Section ID',
	kind: 'pathId',
	dotted: true,
	required: true,
	hint: 'The section_id from Add Channel Section, e.g. {{ $json.section_id }}',
	placeholder: 'UC_x5XG1OV2P6uZZ5FSM9Ttw.e-Fk7vMPqLE',
};

export const youtubeUpdates: PushSpec[] = [
	{
		verb: 'update',
		network: 'youtube',
		operation: 'updatePlaylist',
		name: 'Update Playlist',
		action: 'Update a YouTube playlist',
		description: "Replace a playlist's title, description, privacy or language",
		certainty: 'docs',
		path: 'youtube/playlist/{playlist}.json',
		object: 'playlist',
		fields: [PLAYLIST, ...PLAYLIST_FIELDS],
	},
	{
		verb: 'delete',
		network: 'youtube',
		operation: 'deletePlaylist',
		name: 'Delete Playlist',
		action: 'Delete a YouTube playlist',
		description: "Delete one of the user's playlists (the videos stay on YouTube)",
		certainty: 'docs',
		path: 'youtube/playlist/{playlist}.json',
		object: 'playlist',
		fields: [PLAYLIST],
	},
	{
		verb: 'delete',
		network: 'youtube',
		operation: 'removeVideoFromPlaylist',
		name: 'Remove Video From Playlist',
		action: 'Remove a video from a YouTube playlist',
		description: "Take a video out of one of the user's playlists (the video stays on YouTube)",
		certainty: 'docs',
		path: 'youtube/playlist/{playlist}/video/{videoId}.json',
		object: 'video',
		fields: [
			PLAYLIST,
			{
				key: 'video_id',
				param: 'videoId',
				label: 'Video ID',
				kind: 'pathId',
				required: true,
				hint: 'The YouTube video id, e.g. {{ $json.video_id }} or the part after v= in a watch URL',
				placeholder: 'dQw4w9WgXcQ',
			},
		],
	},
	{
		verb: 'update',
		network: 'youtube',
		operation: 'updateChannelSection',
		name: 'Update Channel Section',
		action: 'Update a section of a YouTube channel',
		description: "Replace a channel section's type, title, playlists, position or style",
		certainty: 'docs',
		path: 'youtube/channel/section/{sectionId}.json',
		object: 'channel',
		fields: [SECTION_ID, ...CHANNEL_SECTION_FIELDS],
	},
	{
		verb: 'delete',
		network: 'youtube',
		operation: 'deleteChannelSection',
		name: 'Delete Channel Section',
		action: 'Delete a section of a YouTube channel',
		description: "Remove a section from the user's YouTube channel page",
		certainty: 'docs',
		path: 'youtube/channel/section/{sectionId}.json',
		object: 'section',
		fields: [SECTION_ID],
	},
];
