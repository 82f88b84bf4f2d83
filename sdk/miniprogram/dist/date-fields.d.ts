/** Properties whose value is a `format: date-time` string, parsed into Date. */
export declare const DATE_TIME_FIELDS: ReadonlySet<string>;
