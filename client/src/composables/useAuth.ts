/**
 * Who is signed in: one shared value for the whole app, loaded once (the router guard awaits it). The
 * session itself is the server's HttpOnly cookie, so nothing here stores a token.
 */
import { shallowRef } from "vue";
import type { CombinedError } from "@urql/core";
import { graphql } from "../gql/index.js";
import type { ViewerFieldsFragment } from "../gql/graphql.js";
import { errorInfo } from "../errors.js";
import type { AppErrorInfo } from "../errors.js";
import { applyLocale, gqlLocale, toAppLocale } from "../locale.js";
import { urqlClient } from "../urql.js";

export const ViewerFields = graphql(`
  fragment ViewerFields on User {
    id
    displayName
    email
    role
    locale
  }
`);

const MeQuery = graphql(`
  query Me {
    me {
      ...ViewerFields
    }
  }
`);

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user {
        ...ViewerFields
      }
    }
  }
`);

const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        ...ViewerFields
      }
    }
  }
`);

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

const viewer = shallowRef<ViewerFieldsFragment | null>(null);
let loaded: Promise<void> | undefined;

/** Loads the signed-in user once; a signed-in user's remembered language wins over this browser's. */
export function loadViewer(): Promise<void> {
  loaded ??= urqlClient
    .query(MeQuery, {}, { requestPolicy: "network-only" })
    .toPromise()
    .then((r) => {
      viewer.value = r.data?.me ?? null;
      if (viewer.value) applyLocale(toAppLocale(viewer.value.locale));
    });
  return loaded;
}

function settle(user: ViewerFieldsFragment | undefined, error: CombinedError | undefined): AppErrorInfo | null {
  if (user) {
    viewer.value = user;
    applyLocale(toAppLocale(user.locale));
    return null;
  }
  return errorInfo(error) ?? { code: "unknown", key: "errors.unknown" };
}

/**
 * The server said the session is gone (signed out in another tab, expired): show the visitor as signed out,
 * so the header offers signing in and the sign-in page (guests only) opens.
 */
export function forgetViewer(): void {
  viewer.value = null;
}

export function useAuth() {
  async function signIn(email: string, password: string): Promise<AppErrorInfo | null> {
    const r = await urqlClient.mutation(SignInMutation, { input: { email, password } }).toPromise();
    return settle(r.data?.signIn.user, r.error);
  }

  async function signUp(input: { email: string; password: string; displayName: string }): Promise<AppErrorInfo | null> {
    // The language chosen before signing up becomes the account's language.
    const r = await urqlClient.mutation(SignUpMutation, { input: { ...input, locale: gqlLocale.value } }).toPromise();
    return settle(r.data?.signUp.user, r.error);
  }

  async function signOut(): Promise<void> {
    await urqlClient.mutation(SignOutMutation, {}).toPromise();
    viewer.value = null;
    // A full reload drops every cached answer of this user from the client's memory.
    window.location.assign("/");
  }

  return { viewer, signIn, signUp, signOut };
}
