/** The Redis pub/sub channel of the worker's events (@factdesk/domain's DeskEventDto), relayed by the API's event stream. */
export const eventsChannel = (prefix: string) => `${prefix}:events`;
