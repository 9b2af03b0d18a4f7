/** Which engine a DATABASE_URL names; imports nothing, so configuration is read without loading a driver. */

/** postgres:// or postgresql:// — the one test of which engine a URL names. */
export const isPostgresUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);
