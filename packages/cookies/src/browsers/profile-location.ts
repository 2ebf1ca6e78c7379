/** A browser profile we may read. @internal */
export interface ProfileLocation {
  /** Profile name as users see it in the source string: the folder name (`Default`, `abcd.default-release`). */
  name: string;
  /** Absolute path of the profile folder. */
  dir: string;
}
