import type { ApiErrorCode } from "../lib/api-client";

type ErrorMessages = Record<`error.${ApiErrorCode}`, string>;

/** One message per API error code (the type makes a new code without its message a build error). */
export const errorMessages = {
  "error.INPUT_INVALID": "Some of what was entered is not valid. Check the form and try again.",
  "error.PATH_INVALID": "This address is not valid. Check the link and try again.",
  "error.JSON_MALFORMED": "The request could not be read. Reload the page and try again.",
  "error.BODY_TOO_LARGE": "What was sent is too large.",
  "error.UNAUTHENTICATED": "Your council sign-in is missing or was not recognised. Sign in again.",
  "error.TOKEN_EXPIRED": "Your council sign-in has expired. Sign in again.",
  "error.FORBIDDEN": "This belongs to another council.",
  "error.ROUTE_NOT_FOUND": "The service does not know this request. The site may be out of date: reload it.",
  "error.METHOD_NOT_ALLOWED": "The service does not accept this request. The site may be out of date: reload it.",
  "error.CENSUS_NOT_FOUND": "This electorate does not exist. Check the address on your letter.",
  "error.CENSUS_EMPTY": "A referendum cannot open while nobody has registered in its electorate.",
  "error.REGISTRATION_CODE_UNKNOWN": "This registration code is not valid. Check the code on your letter.",
  "error.REGISTRATION_CODE_USED": "This registration code has already been used. Each code works once.",
  "error.COMMITMENT_REGISTERED": "This voting key is already registered.",
  "error.CENSUS_FULL": "This electorate is full: no more residents can register.",
  "error.REFERENDUM_NOT_FOUND": "This referendum does not exist.",
  "error.REFERENDUM_EXISTS": "A referendum with this number already exists.",
  "error.REFERENDUM_STATE": "The referendum is not in a state that allows this.",
  "error.REFERENDUM_NOT_OPEN": "This referendum is not open for voting: it has closed or has not opened yet.",
  "error.BALLOT_MALFORMED": "Your ballot was not well formed. Reload the page and vote again.",
  "error.BALLOT_REFERENDUM_MISMATCH": "Your ballot was made for another referendum. Reload the page and vote again.",
  "error.BALLOT_CENSUS_ROOT_MISMATCH":
    "Your voting key is not in this referendum's electorate: it was registered after the referendum opened, or elsewhere.",
  "error.BALLOT_RULES_MISMATCH": "Your ballot used other rules than the referendum's. Reload the page and vote again.",
  "error.BALLOT_VOTES_INVALID": "Your ballot votes for options this referendum does not have.",
  "error.BALLOT_PROOF_INVALID": "Your ballot's proof did not verify. Reload the page and vote again.",
  "error.BALLOT_NULLIFIER_USED": "You have already voted in this referendum, and it does not allow changing your vote.",
  "error.BALLOT_REVISION_CONFLICT":
    "Your vote was changed meanwhile, perhaps from another device. Reload the page and vote again to change it.",
  "error.BALLOT_NOT_FOUND": "The service does not know this ballot.",
  "error.BALLOT_KEY_MISMATCH":
    "Your ballot was sealed with another key than this referendum's. Reload the page and vote again.",
  "error.TRUSTEES_NOT_DRAFTED": "Name the trustees in the draft before inviting them.",
  "error.TRUSTEE_CODE_UNKNOWN":
    "This trustee invitation code is not valid for this referendum. Check the code you were sent.",
  "error.TRUSTEE_JOINED": "This trustee invitation has already been used with another key.",
  "error.DKG_STATE": "The trustees' key generation is not at this step. Reload the page to see where it stands.",
  "error.DKG_MESSAGE_INVALID": "This key-generation message does not check out.",
  "error.DKG_MESSAGE_CONFLICT": "This trustee already sent a different message for this step.",
  "error.DKG_INCOMPLETE": "The trustees have not finished generating the election key yet.",
  "error.PARTIAL_INVALID": "This decryption does not check out against the trustee's key and the counted ballots.",
  "error.TALLY_NEEDS_TRUSTEES": "Not enough trustees have decrypted the result yet.",
  "error.TALLY_NOT_READY": "The result has not been counted yet.",
  "error.LOG_RANGE_INVALID": "The requested part of the public log does not exist.",
  "error.BUSY": "The service is busy. Wait a moment and try again.",
  "error.STORE_UNAVAILABLE": "The service is temporarily unavailable. Wait a moment and try again.",
  "error.INTERNAL": "Something went wrong on the service's side. Try again later.",
  "error.NETWORK": "The service could not be reached. Check your connection and try again.",
} as const satisfies ErrorMessages;
