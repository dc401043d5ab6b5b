/** The generated module's path. */
export const OUTPUT: string;
/** The text node tools/openapi/domain-schemas.mjs writes to OUTPUT. */
export function renderDomainSchemas(): Promise<string>;
