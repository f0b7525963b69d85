// The scripted chat-completions server against LangChain's own OpenAI client (@langchain/openai, the
// client n8n's OpenAI Chat Model node uses), streaming and not: tool calls and texts come back as the
// client parses them, and the record holds what the "model" received.
// Offline: LangChain's streaming path counts tokens with an encoding it downloads from
// tiktoken.pages.dev (retrying for minutes without a network); without one it estimates by length.
jest.mock(require.resolve('@langchain/core/utils/tiktoken'), () => ({
  getEncoding: async () => {
    throw new Error('offline: no tiktoken encoding');
  },
  encodingForModel: async () => {
    throw new Error('offline: no tiktoken encoding');
  },
}));
jest.spyOn(console, 'warn').mockImplementation(() => {});

const { ChatOpenAI } = require('@langchain/openai');
const { AIMessage, HumanMessage, ToolMessage } = require('@langchain/core/messages');

const { startChatServer, fillArguments } = require('./index.cjs');

const PIN_TOOL = {
  type: 'function',
  function: {
    name: 'Publish_a_pin',
    description: 'Publish a pin on a Pinterest board',
    parameters: {
      type: 'object',
      properties: {
        Title: { type: 'string', description: 'Pin title, at most 100 characters' },
        Picture_URL: { type: 'string', description: 'Public https URL of the picture' },
      },
      required: ['Title', 'Picture_URL'],
    },
  },
};

const pinScript = () => [
  {
    tool: ({ tools }) => tools.find((t) => /pin/i.test(t.name)),
    args: ({ tool }) => fillArguments(tool, [[/title/i, 'Red shoes'], [/picture/i, 'https://shop.example/shoe.jpg']]),
  },
  { text: ({ lastToolResult }) => `Published: ${lastToolResult.content}` },
];

let server;
beforeAll(async () => {
  server = await startChatServer();
});
afterAll(async () => {
  await server?.close();
});

function client(streaming) {
  return new ChatOpenAI({
    model: 'scripted-model',
    apiKey: 'sk-test',
    configuration: { baseURL: server.baseUrl },
    streaming,
    maxRetries: 0,
  }).bindTools([PIN_TOOL]);
}

describe.each([
  ['non-streaming', false],
  ['streaming', true],
])('%s', (_label, streaming) => {
  test('a tool call computed from the offered tool, then a text built from the tool result', async () => {
    server.setScript(pinScript());
    const model = client(streaming);
    const history = [new HumanMessage('Pin the red shoes')];
    const first = await model.invoke(history);
    expect(first.tool_calls).toEqual([
      expect.objectContaining({ name: 'Publish_a_pin', args: { Title: 'Red shoes', Picture_URL: 'https://shop.example/shoe.jpg' } }),
    ]);
    const callId = first.tool_calls[0].id;
    history.push(first, new ToolMessage({ tool_call_id: callId, content: '[{"pin_id":"42"}]' }));
    const second = await model.invoke(history);
    expect(second.content).toBe('Published: [{"pin_id":"42"}]');

    expect(server.requests.map((r) => r.stream)).toEqual([streaming, streaming]);
    expect(server.requests[0].tools.map((t) => t.name)).toEqual(['Publish_a_pin']);
    expect(server.toolResults()).toEqual([{ toolCallId: callId, name: 'Publish_a_pin', content: '[{"pin_id":"42"}]' }]);
    expect(server.turnsUsed).toBe(2);
  });
});

test('a turn the script does not have, or a tool that is not offered, is an error the client shows', async () => {
  server.setScript([]);
  await expect(client(false).invoke([new HumanMessage('hi')])).rejects.toThrow(/the script has no turn 1/);
  server.setScript([{ tool: 'Delete_everything', args: {} }]);
  await expect(client(true).invoke([new HumanMessage('hi')])).rejects.toThrow(/wants tool "Delete_everything", offered: Publish_a_pin/);
  expect(server.requests[0].error).toMatch(/Delete_everything/);
});

test('fillArguments refuses a schema whose required parameter the script cannot fill', () => {
  expect(() => fillArguments(PIN_TOOL.function, [[/title/i, 'x']])).toThrow(/"Picture_URL"/);
  expect(fillArguments({ parameters: { properties: { a: { description: 'the board id' } } } }, [[/board/i, 'b1']])).toEqual({ a: 'b1' });
});

test('history replays with an `id` inside the arguments are accepted (n8n adds one)', async () => {
  server.setScript([{ text: 'ok' }]);
  const history = [
    new HumanMessage('x'),
    new AIMessage({ content: '', tool_calls: [{ id: 'call_1', name: 'Publish_a_pin', args: { Title: 't', id: 'call_1' } }] }),
    new ToolMessage({ tool_call_id: 'call_1', content: 'done' }),
  ];
  const answer = await client(false).invoke(history);
  expect(answer.content).toBe('ok');
  expect(server.requests[0].toolResults[0]).toEqual({ toolCallId: 'call_1', name: 'Publish_a_pin', content: 'done' });
});
