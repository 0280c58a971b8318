import { getContext, setContext } from 'svelte';

/**
 * How a tile opens the details of its failed take (the notification with AWS's text, the request id and the
 * attempts) in one click: the operator window provides it; a tile shown anywhere else has no details to open.
 */
const KEY = Symbol('failure-details');

type OpenDetails = (destinationId: string) => void;

export function provideFailureDetails(open: OpenDetails): void {
  setContext(KEY, open);
}

export function failureDetailsOpener(): OpenDetails | null {
  return getContext<OpenDetails | undefined>(KEY) ?? null;
}
