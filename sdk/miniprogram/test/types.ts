// Compile-time checks of the shipped declarations (dist/*.d.ts), run by
// `npm run typecheck` (tsc --noEmit): error codes are narrowed per
// operation, date-time fields are Dates, 204s are void.
import { createClient, isApiError, type ErrorCodeOf, type Wx } from '../dist';

declare const wx: Wx;
const client = createClient({ baseUrl: 'https://example.invalid/api/v1', wx });

export async function book(slotId: number): Promise<string> {
  try {
    const booking = await client.bookSlot(slotId);
    const starts: Date = booking.starts_at;
    return starts.toISOString();
  } catch (e) {
    if (isApiError(e, 'book_slot')) {
      switch (e.code) {
        case 'slot_full':
        case 'collection_code_required':
        case 'network_error':
          return e.message;
        // @ts-expect-error not a code of book_slot
        case 'not_on_roster':
          return 'never';
      }
    }
    throw e;
  }
}

const bindCode: ErrorCodeOf<'bind_roster'> = 'not_on_roster';
// @ts-expect-error booking codes are not binding codes
const wrongCode: ErrorCodeOf<'bind_roster'> = 'slot_full';

export async function misc(): Promise<void> {
  const nothing: void = await client.cancelBooking(1);
  const code = await client.checkInCode(1);
  const expires: Date = code.expires_at;
  const payload: string = code.payload;
  const me = await client.me();
  const next: string = me.status.next_action.code;
  // @ts-expect-error sources are camera or album
  await client.uploadMakeupPhoto('/tmp/a.jpg', 'scanner');
  void [nothing, expires, payload, next, bindCode, wrongCode];
}
