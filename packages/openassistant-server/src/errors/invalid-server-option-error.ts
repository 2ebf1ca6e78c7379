import { hasMark, mark, OpenAssistantServerError } from "./open-assistant-server-error.js";

const marker: symbol = Symbol.for("g4f.error.INVALID_SERVER_OPTION");

/** An option or a fault rule given to the server is invalid; the message names it and says what is allowed. */
export class InvalidServerOptionError extends OpenAssistantServerError {
  /**
   * @param message - which option is wrong and what it accepts.
   * @param cause - the underlying error, if any.
   */
  constructor(message: string, cause?: unknown) {
    super("INVALID_SERVER_OPTION", { message, cause });
    mark(this, marker);
  }

  /**
   * Whether a value is an {@link InvalidServerOptionError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is InvalidServerOptionError {
    return hasMark(value, marker);
  }
}
