// The customer's own page talks to the API with the member session in its own HTTP-only cookie,
// kept to the organization's page (/m/<slug>), apart from a staff member's session.
import type { Cookies } from '@sveltejs/kit';
import type { Availability, Tier } from '$lib/components/member/member-page';

export const MEMBER_COOKIE = 'trofast_member';

export function keepMemberCookie(cookies: Cookies, slug: string, token: string, secure: boolean, expires: Date): void {
  cookies.set(MEMBER_COOKIE, token, { path: `/m/${slug}`, httpOnly: true, sameSite: 'lax', secure, expires });
}

export function dropMemberCookie(cookies: Cookies, slug: string): void {
  cookies.delete(MEMBER_COOKIE, { path: `/m/${slug}` });
}

/** How many ledger entries a page shows. */
export const LEDGER_PAGE = 10;

export const MEMBER_PAGE = `query MemberPage($locale: Locale, $after: String) {
  member(locale: $locale) {
    name locale organizationName organizationSlug pointsBalance
    tierProgress { tier pointsEarned12Months nextTier pointsToNextTier pointsToKeepTier keepTierBy explanation }
    expiringPoints { points expiresAt }
    pointsLedger(first: ${LEDGER_PAGE}, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { delta kind explanation balanceAfter createdAt } }
    }
    rewards { id name description kind pointsCost availability pointsMissing requiredTier }
    redemptions { id rewardName points status createdAt }
    openInvitations { token question kind expiresAt }
    incidents { id title status openedAt resolvedAt }
    consents { channel granted }
  }
}`;

export const MEMBER_DATA = `query MemberData { member { organizationSlug dataExport } }`;

export const START_MEMBER_SESSION = `mutation StartMemberSession($token: String!) {
  startMemberSession(linkToken: $token) {
    __typename
    ... on MutationStartMemberSessionSuccess { data { token expiresAt } }
  }
}`;

export const MEMBER_REDEEM = `mutation MemberRedeem($reward: ID!) {
  memberRedeemReward(rewardId: $reward) {
    __typename
    ... on MutationMemberRedeemRewardSuccess { data { rewardName points } }
    ... on TierTooLowError { requiredTier }
    ... on Error { message }
  }
}`;

export const MEMBER_CONSENTS = `mutation MemberConsents($consents: [ChannelConsentInput!]!) {
  memberUpdateConsents(consents: $consents) { __typename ... on Error { message } }
}`;

export const REQUEST_MEMBER_LINK = `mutation RequestMemberLink($input: RequestMemberLinkInput!) {
  requestMemberLink(input: $input)
}`;

export const MEMBER_REPORT = `mutation MemberReport($input: MemberReportProblemInput!) {
  memberReportProblem(input: $input) { __typename ... on Error { message } }
}`;

/** The member answers an open invitation on their page: its token is the credential, as on the answer page. */
export const MEMBER_ANSWER = `mutation MemberAnswer($input: AnswerInvitationInput!) {
  answerInvitation(input: $input) { __typename ... on Error { message } }
}`;

export const LOGOUT = `mutation Logout { logout }`;

export interface MemberPage {
  name: string;
  locale: 'DA' | 'SV' | 'NB' | 'EN';
  organizationName: string;
  organizationSlug: string;
  pointsBalance: number;
  tierProgress: {
    tier: Tier;
    pointsEarned12Months: number;
    nextTier: Tier | null;
    pointsToNextTier: number | null;
    pointsToKeepTier: number | null;
    keepTierBy: string | null;
    explanation: string;
  };
  expiringPoints: { points: number; expiresAt: string }[];
  pointsLedger: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { delta: number; kind: string; explanation: string; balanceAfter: number; createdAt: string } }[];
  };
  rewards: {
    id: string;
    name: string;
    description: string | null;
    kind: string;
    pointsCost: number;
    availability: Availability;
    pointsMissing: number;
    requiredTier: Tier;
  }[];
  redemptions: { id: string; rewardName: string; points: number; status: string; createdAt: string }[];
  openInvitations: { token: string; question: string; kind: 'NPS' | 'CSAT' | 'POLL'; expiresAt: string }[];
  incidents: { id: string; title: string; status: string; openedAt: string; resolvedAt: string | null }[];
  consents: { channel: string; granted: boolean }[];
}
