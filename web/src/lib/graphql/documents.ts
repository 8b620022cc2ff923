// Every GraphQL operation the dashboard sends: the contract's names (../shared/contract.graphql)
// and, for what the contract leaves open (staff, settings), the API's printed schema
// (api/schema.graphql). documents.test.ts validates each against both.

const ERRORS = `... on Error { message }
    ... on ValidationError { fieldErrors { path message } }`;
/** For results whose union has no ValidationError: spreading it there would not validate. */
const PLAIN_ERRORS = '... on Error { message }';

/** `$timeZone`: the reader's zone, so times in an alert's text read as the page's own times. */
export const ALERT_FIELDS = `fragment BoardAlert on Alert {
  id kind severity status topSpender title(timeZone: $timeZone) message(timeZone: $timeZone) createdAt updatedAt acknowledgedAt
  customer { id name }
  incident { id title }
  assignee { id name }
  acknowledgedBy { id name }
}`;

export const OPEN_ALERTS = `query OpenAlerts($first: Int!, $after: String, $timeZone: String) {
  alerts(first: $first, after: $after, filter: { statuses: [OPEN, ACKNOWLEDGED] }) {
    edges { node { ...BoardAlert } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}
${ALERT_FIELDS}`;

/** After a reconnect: everything created or changed since the newest version the board has seen. */
export const ALERTS_SINCE = `query AlertsSince($since: DateTime!, $first: Int!, $after: String, $timeZone: String) {
  alerts(first: $first, after: $after, since: $since) {
    edges { node { ...BoardAlert } }
    pageInfo { hasNextPage endCursor }
  }
}
${ALERT_FIELDS}`;

export const ALERT_RAISED = `subscription AlertRaised($timeZone: String) { alertRaised { ...BoardAlert } }
${ALERT_FIELDS}`;

/** A customer's risk changed: the customer page refetches when it is the one shown. */
export const CHURN_RISK_CHANGED = `subscription ChurnRiskChanged { churnRiskChanged { id } }`;

export const ALERT_UPDATED = `subscription AlertUpdated($timeZone: String) { alertUpdated { ...BoardAlert } }
${ALERT_FIELDS}`;

export const ACKNOWLEDGE_ALERT = `mutation AcknowledgeAlert($id: ID!, $timeZone: String) {
  acknowledgeAlert(id: $id) {
    __typename
    ... on MutationAcknowledgeAlertSuccess { data { ...BoardAlert } }
    ${PLAIN_ERRORS}
  }
}
${ALERT_FIELDS}`;

export const ASSIGN_ALERT = `mutation AssignAlert($input: AssignAlertInput!, $timeZone: String) {
  assignAlert(input: $input) {
    __typename
    ... on MutationAssignAlertSuccess { data { ...BoardAlert } }
    ${ERRORS}
  }
}
${ALERT_FIELDS}`;

export const RESOLVE_ALERT = `mutation ResolveAlert($id: ID!, $timeZone: String) {
  resolveAlert(id: $id) {
    __typename
    ... on MutationResolveAlertSuccess { data { ...BoardAlert } }
    ${PLAIN_ERRORS}
  }
}
${ALERT_FIELDS}`;

/** The board's bulk actions: many alerts in one request, all or nothing. */
export const ACKNOWLEDGE_ALERTS = `mutation AcknowledgeAlerts($ids: [ID!]!, $timeZone: String) {
  acknowledgeAlerts(ids: $ids) {
    __typename
    ... on MutationAcknowledgeAlertsSuccess { data { ...BoardAlert } }
    ${ERRORS}
  }
}
${ALERT_FIELDS}`;

export const ASSIGN_ALERTS = `mutation AssignAlerts($input: AssignAlertsInput!, $timeZone: String) {
  assignAlerts(input: $input) {
    __typename
    ... on MutationAssignAlertsSuccess { data { ...BoardAlert } }
    ${ERRORS}
  }
}
${ALERT_FIELDS}`;

export const RESOLVE_ALERTS = `mutation ResolveAlerts($ids: [ID!]!, $timeZone: String) {
  resolveAlerts(ids: $ids) {
    __typename
    ... on MutationResolveAlertsSuccess { data { ...BoardAlert } }
    ${ERRORS}
  }
}
${ALERT_FIELDS}`;

/** The staff members an alert or incident can be assigned to (MANAGER and ADMIN may read it). */
export const STAFF = `query Staff { users { id name email role locale active } }`;

export const CUSTOMERS = `query Customers($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrderBy) {
  customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    edges {
      node { id externalId name email tier pointsBalance lastPersonalContactAt risk { score level factors { code points } } }
    }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

const CONNECTION = (fields: string) => `edges { node { ${fields} } } pageInfo { hasNextPage endCursor } totalCount`;

const SCORE_PART = 'code points count explanation(locale: $locale)';

/**
 * The customer page: everything the API serves about one customer, sentences in the reader's
 * language. The API refuses a query costing more than 10 000 (graphql-armor: a literal `first`
 * multiplies what is below it), so the nested pages stay at 25; this one costs about 5 700.
 */
export const CUSTOMER = `query Customer($id: ID!, $locale: Locale!) {
  customer(ref: { id: $id }) {
    id externalId name email phone kind locale tier pointsBalance lastPersonalContactAt memberPageLastUsedAt createdAt
    engagement satisfaction satisfactionKnown
    engagementParts { ${SCORE_PART} }
    satisfactionParts { ${SCORE_PART} }
    accountManager { id name }
    consents { channel granted }
    risk { score level computedAt factors { code points explanation(locale: $locale) } }
    alerts(first: 10) { ${CONNECTION('id kind severity status title(locale: $locale) createdAt')} }
    pointsLedger(first: 25) {
      ${CONNECTION('id delta kind explanation(locale: $locale) balanceAfter expiresAt occurredAt createdAt')}
    }
    purchases(first: 25) { ${CONNECTION('id amount { amountMinor currency } occurredAt pointsEarned')} }
    interactions(first: 25) { ${CONNECTION('id channel direction kind personal occurredAt note')} }
  }
}`;

/**
 * The rest of a customer's timeline, one query each so every part appears as soon as the API
 * serves it (incidents and feedback: issue 7; redemptions: issue 6) and a missing one only hides
 * itself.
 */
export const CUSTOMER_INCIDENTS = `query CustomerIncidents($id: ID!) {
  customer(ref: { id: $id }) {
    id
    incidents(first: 25) {
      ${CONNECTION('id title category severity status openedAt resolvedAt slaDueAt slaBreached customerSatisfied')}
    }
  }
}`;

export const CUSTOMER_FEEDBACK = `query CustomerFeedback($id: ID!) {
  customer(ref: { id: $id }) {
    id
    feedback(first: 25) { ${CONNECTION('id score option comment channel occurredAt survey { id kind question }')} }
  }
}`;

export const CUSTOMER_REDEMPTIONS = `query CustomerRedemptions($id: ID!) {
  customer(ref: { id: $id }) {
    id
    redemptions(first: 25) { ${CONNECTION('id points status createdAt cancelledAt reward { id name }')} }
  }
}`;

export const CUSTOMER_MESSAGES = `query CustomerMessages($id: ID!) {
  customer(ref: { id: $id }) {
    id
    messages(first: 25) { ${CONNECTION('id kind channel status scheduledFor sentAt subject body reasons nextAllowedAt')} }
  }
}`;

export const INVITE_TO_SURVEY = `mutation InviteToSurvey($input: InviteToSurveyInput!) {
  inviteToSurvey(input: $input) {
    __typename
    ... on MutationInviteToSurveySuccess { data { id status } }
    ${ERRORS}
  }
}`;

/** "Customers to thank" (PRODUCT.md), longest-standing first. */
export const CUSTOMERS_TO_THANK = `query CustomersToThank($first: Int!, $after: String) {
  customersToThank(first: $first, after: $after) {
    edges { node { id name email tier engagement } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

export const THANK_CUSTOMERS = `mutation ThankCustomers($input: ThankCustomersInput!) {
  thankCustomers(input: $input) {
    __typename
    ... on MutationThankCustomersSuccess { data { id status } }
    ${ERRORS}
  }
}`;

export const SEND_MEMBER_LINK = `mutation SendMemberLink($customer: CustomerRef!) {
  sendMemberLink(customer: $customer) {
    __typename
    ... on MutationSendMemberLinkSuccess { data { id status } }
    ${ERRORS}
  }
}`;

export const MESSAGES = `query Messages($first: Int!, $after: String, $filter: MessageFilter) {
  messages(first: $first, after: $after, filter: $filter) {
    ${CONNECTION('id kind channel status scheduledFor sentAt subject body reasons nextAllowedAt customer { id name }')}
  }
}`;

export const RECORD_INTERACTION = `mutation RecordInteraction($input: RecordInteractionInput!) {
  recordInteraction(input: $input) {
    __typename
    ... on MutationRecordInteractionSuccess { data { id } }
    ${ERRORS}
  }
}`;

export const REPORT_INCIDENT = `mutation ReportIncident($input: ReportIncidentInput!) {
  reportIncident(input: $input) {
    __typename
    ... on MutationReportIncidentSuccess { data { id } }
    ${ERRORS}
  }
}`;

export const REDEEM_REWARD = `mutation RedeemReward($input: RedeemRewardInput!) {
  redeemReward(input: $input) {
    __typename
    ... on MutationRedeemRewardSuccess { data { id } }
    ... on InsufficientPointsError { balance required }
    ... on TierTooLowError { requiredTier customerTier }
    ${ERRORS}
  }
}`;

export const ADJUST_POINTS = `mutation AdjustPoints($input: AdjustPointsInput!) {
  adjustPoints(input: $input) {
    __typename
    ... on MutationAdjustPointsSuccess { data { id } }
    ... on InsufficientPointsError { balance required }
    ${ERRORS}
  }
}`;

const INCIDENT_FIELDS = `id title description category severity status source openedAt firstResponseAt resolvedAt slaDueAt slaBreached
  resolution customerSatisfied owner { id name } customer { id name }`;

/** Most urgent first; the API pages at most 100. */
export const INCIDENTS = `query Incidents($first: Int!, $after: String, $filter: IncidentFilter) {
  incidents(first: $first, after: $after, filter: $filter) {
    edges { node { ${INCIDENT_FIELDS} } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

export const INCIDENT_CHANGED = `subscription IncidentChanged { incidentChanged { ${INCIDENT_FIELDS} } }`;

export const UPDATE_INCIDENT = `mutation UpdateIncident($input: UpdateIncidentInput!) {
  updateIncident(input: $input) {
    __typename
    ... on MutationUpdateIncidentSuccess { data { ${INCIDENT_FIELDS} } }
    ${ERRORS}
  }
}`;

export const RESOLVE_INCIDENT = `mutation ResolveIncident($input: ResolveIncidentInput!) {
  resolveIncident(input: $input) {
    __typename
    ... on MutationResolveIncidentSuccess { data { ${INCIDENT_FIELDS} } }
    ${ERRORS}
  }
}`;

/** Answers and comments, newest first. */
export const FEEDBACK = `query Feedback($first: Int!, $after: String) {
  feedback(first: $first, after: $after) {
    edges { node { id score option comment channel occurredAt survey { id kind question } customer { id name } } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

/** NPS per week or month, empty buckets included (their `nps` is null). */
export const NPS_TREND = `query NpsTrend($from: DateTime!, $to: DateTime!, $bucket: TrendBucket!) {
  npsTrend(from: $from, to: $to, bucket: $bucket) { start end label answers nps }
}`;

const SURVEY_FIELDS =
  'id kind question options participationPoints active answerCount invitationStats { sent skipped answered responseRate topSkipReasons { reason count } }';

export const SURVEYS = `query Surveys { surveys { ${SURVEY_FIELDS} } }`;

export const UPDATE_SURVEY = `mutation UpdateSurvey($input: UpdateSurveyInput!) {
  updateSurvey(input: $input) {
    __typename
    ... on MutationUpdateSurveySuccess { data { ${SURVEY_FIELDS} } }
    ${ERRORS}
  }
}`;

export const CREATE_SURVEY = `mutation CreateSurvey($input: CreateSurveyInput!) {
  createSurvey(input: $input) {
    __typename
    ... on MutationCreateSurveySuccess { data { ${SURVEY_FIELDS} } }
    ${ERRORS}
  }
}`;

const REWARD_FIELDS = 'id name description pointsCost kind unitCost { amountMinor currency } stock minimumTier active';

export const REWARDS = `query Rewards { rewards { ${REWARD_FIELDS} } }`;

export const CREATE_REWARD = `mutation CreateReward($input: CreateRewardInput!) {
  createReward(input: $input) {
    __typename
    ... on MutationCreateRewardSuccess { data { ${REWARD_FIELDS} } }
    ${ERRORS}
  }
}`;

export const UPDATE_REWARD = `mutation UpdateReward($input: UpdateRewardInput!) {
  updateReward(input: $input) {
    __typename
    ... on MutationUpdateRewardSuccess { data { ${REWARD_FIELDS} } }
    ${ERRORS}
  }
}`;

const ECONOMICS_FIGURES = `fragment Figures on EconomicsFigures {
  redemptions cancelled pointsBurned
  cost { amountMinor currency }
  retention { redeemers redeemersRetained redeemerRate baselineRate extraRetained uncompared }
  costPerExtraRetained { amountMinor currency }
}`;

/** Per reward and in total, for a period (PRODUCT.md "Program economics"); managers only. */
export const PROGRAM_ECONOMICS = `query ProgramEconomics($from: DateTime!, $to: DateTime!, $locale: Locale) {
  programEconomics(from: $from, to: $to) {
    __typename
    ... on QueryProgramEconomicsSuccess {
      data {
        from to currency method(locale: $locale)
        total { ...Figures }
        rewards { reward { id name } ...Figures }
      }
    }
    ${ERRORS}
  }
}
${ECONOMICS_FIGURES}`;

export const MEMBER_PAGE_SETTINGS = `query MemberPageSettings { organization { id slug memberSigningSecretCreatedAt } }`;

export const CREATE_MEMBER_SIGNING_SECRET = `mutation CreateMemberSigningSecret {
  createMemberSigningSecret {
    __typename
    ... on MutationCreateMemberSigningSecretSuccess { data { secret createdAt } }
    ... on Error { message }
  }
}`;

export const API_KEYS = `query ApiKeys { apiKeys { id name scopes prefix lastUsedAt revokedAt createdAt } }`;

export const CREATE_API_KEY = `mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    __typename
    ... on MutationCreateApiKeySuccess { data { secret apiKey { id name scopes prefix lastUsedAt revokedAt createdAt } } }
    ${ERRORS}
  }
}`;

export const REVOKE_API_KEY = `mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    __typename
    ... on MutationRevokeApiKeySuccess { data { id name scopes prefix lastUsedAt revokedAt createdAt } }
    ${PLAIN_ERRORS}
  }
}`;

const WEBHOOK_ENDPOINT = `id url description eventTypes status disabledReason failureStreak failingSince createdAt
  deliveries(first: 10) { totalCount edges { node {
    id status nextAttemptAt event { id type occurredAt } attempts { at statusCode durationMs response error }
  } } }`;

export const WEBHOOK_ENDPOINTS = `query WebhookEndpoints { webhookEndpoints { ${WEBHOOK_ENDPOINT} } }`;

/** Every dashboard page asks this of an ADMIN: an endpoint the worker disabled needs someone. */
export const WEBHOOK_NOTICE = `query WebhookNotice { webhookEndpoints { id url status failingSince } }`;

export const CREATE_WEBHOOK_ENDPOINT = `mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    __typename
    ... on MutationCreateWebhookEndpointSuccess { data { secret endpoint { id } } }
    ${ERRORS}
  }
}`;

export const UPDATE_WEBHOOK_ENDPOINT = `mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(input: $input) {
    __typename
    ... on MutationUpdateWebhookEndpointSuccess { data { id status } }
    ${ERRORS}
  }
}`;

export const ROTATE_WEBHOOK_SECRET = `mutation RotateWebhookSecret($id: ID!) {
  rotateWebhookSecret(id: $id) {
    __typename
    ... on MutationRotateWebhookSecretSuccess { data { secret endpoint { id } } }
    ${PLAIN_ERRORS}
  }
}`;

export const DELETE_WEBHOOK_ENDPOINT = `mutation DeleteWebhookEndpoint($id: ID!) {
  deleteWebhookEndpoint(id: $id) {
    __typename
    ... on MutationDeleteWebhookEndpointSuccess { data }
    ${PLAIN_ERRORS}
  }
}`;

export const SEND_TEST_WEBHOOK = `mutation SendTestWebhook($endpointId: ID!) {
  sendTestWebhook(endpointId: $endpointId) {
    __typename
    ... on MutationSendTestWebhookSuccess { data { id status } }
    ${PLAIN_ERRORS}
  }
}`;

export const REDELIVER_WEBHOOK = `mutation RedeliverWebhook($deliveryId: ID!) {
  redeliverWebhook(deliveryId: $deliveryId) {
    __typename
    ... on MutationRedeliverWebhookSuccess { data { id status } }
    ${PLAIN_ERRORS}
  }
}`;

export const RECOVER_WEBHOOK_DELIVERIES = `mutation RecoverWebhookDeliveries($endpointId: ID!, $since: DateTime!) {
  recoverWebhookDeliveries(endpointId: $endpointId, since: $since)
}`;

const SETTINGS_FIELDS = `fragment Settings on OrganizationSettings {
  defaultLocale defaultCurrency
  loyalty { earnRates { currency points per } pointsExpiryMonths tierThresholds { SILVER GOLD } }
  risk {
    twoStrikes threeStrikes badExperience unresolvedIncident unresolvedIncidentMax slaBreached
    ignored45 ignored90 ignored180 detractor passive engagementDrop staffConcern recovered promoter
    levels { MEDIUM HIGH CRITICAL }
  }
  engagement {
    inboundInteraction { each max } purchase { each max } feedback { each max } redemption { each max }
  }
  satisfactionHalfLifeDays
  slaHours { LOW MEDIUM HIGH CRITICAL }
  contactCap { max days }
}`;

/** The organization's name and its rules. */
export const ORGANIZATION = `query Organization { organization { id name settings { ...Settings } } }
${SETTINGS_FIELDS}`;

/** Only what is given changes. */
export const UPDATE_ORGANIZATION_SETTINGS = `mutation UpdateOrganizationSettings($settings: OrganizationSettingsInput!) {
  updateOrganizationSettings(settings: $settings) {
    __typename
    ... on MutationUpdateOrganizationSettingsSuccess { data { ...Settings } }
    ${ERRORS}
  }
}
${SETTINGS_FIELDS}`;

/** Without a password the API generates one and returns it once. */
export const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    __typename
    ... on MutationCreateUserSuccess { data { user { id name email role locale active } initialPassword } }
    ${ERRORS}
  }
}`;

export const UPDATE_USER = `mutation UpdateUser($input: UpdateUserInput!) {
  updateUser(input: $input) {
    __typename
    ... on MutationUpdateUserSuccess { data { id name email role locale active } }
    ${ERRORS}
  }
}`;

export const DEACTIVATE_USER = `mutation DeactivateUser($id: ID!) {
  deactivateUser(id: $id) {
    __typename
    ... on MutationDeactivateUserSuccess { data { id name email role locale active } }
    ${ERRORS}
  }
}`;

// ---------- team pulse ----------
const TEAM_FIELDS = 'id name members { id name }';
const ROUND_FIELDS = 'id opensAt closesAt status invited answered';

export const TEAMS = `query Teams { teams { ${TEAM_FIELDS} } }`;

export const CREATE_TEAM = `mutation CreateTeam($input: CreateTeamInput!) {
  createTeam(input: $input) {
    __typename
    ... on MutationCreateTeamSuccess { data { ${TEAM_FIELDS} } }
    ${ERRORS}
  }
}`;

export const UPDATE_TEAM = `mutation UpdateTeam($input: UpdateTeamInput!) {
  updateTeam(input: $input) {
    __typename
    ... on MutationUpdateTeamSuccess { data { ${TEAM_FIELDS} } }
    ${ERRORS}
  }
}`;

export const PULSE_ROUNDS = `query PulseRounds { pulseRounds { ${ROUND_FIELDS} } }`;

export const OPEN_PULSE_ROUND = `mutation OpenPulseRound {
  openPulseRound {
    __typename
    ... on MutationOpenPulseRoundSuccess { data { ${ROUND_FIELDS} } }
    ${ERRORS}
  }
}`;

export const CLOSE_PULSE_ROUND = `mutation ClosePulseRound($id: ID!) {
  closePulseRound(id: $id) {
    __typename
    ... on MutationClosePulseRoundSuccess { data { ${ROUND_FIELDS} } }
    ${PLAIN_ERRORS}
  }
}`;

const PULSE_SETTING_FIELDS = 'monthly openDays threshold';

export const PULSE_SETTINGS = `query PulseSettings { organization { id settings { pulse { ${PULSE_SETTING_FIELDS} } } } }`;

export const UPDATE_PULSE_SETTINGS = `mutation UpdatePulseSettings($settings: OrganizationSettingsInput!) {
  updateOrganizationSettings(settings: $settings) {
    __typename
    ... on MutationUpdateOrganizationSettingsSuccess { data { pulse { ${PULSE_SETTING_FIELDS} } } }
    ${ERRORS}
  }
}`;

export const MY_PENDING_PULSE = `query MyPendingPulse { myPendingPulse { token questions round { id closesAt } } }`;

export const ANSWER_PULSE = `mutation AnswerPulse($input: AnswerPulseInput!) {
  answerPulse(input: $input) {
    __typename
    ... on MutationAnswerPulseSuccess { data { id answered } }
    ${ERRORS}
  }
}`;

export const SERVICE_CHAIN = `query ServiceChain($months: Int) {
  serviceChain(months: $months) {
    months correlation explanation
    teams {
      team { id name } customers nps ignoredCustomers slaBreaches recoveries
      riskDistribution { level count }
      byMonth { month nps slaBreaches recoveries }
    }
    pulse { team { id } round { id opensAt status } answers shown enps questions { question average } comments }
  }
}`;

export const FLAG_CONCERN = `mutation FlagConcern($input: FlagConcernInput!) {
  flagConcern(input: $input) {
    __typename
    ... on MutationFlagConcernSuccess { data { id } }
    ${ERRORS}
  }
}`;

const TRIGGER_FIELDS = 'csatAfterResolveSurveyId csatDelayMinutes npsSurveyId npsEveryMonths surveyCooldownDays';

/** The survey triggers and the surveys they may name. */
export const SURVEY_TRIGGERS = `query SurveyTriggers {
  organization { id settings { surveyTriggers { ${TRIGGER_FIELDS} } } }
  surveys { id kind question active }
}`;

/** Who customers see an email from (Settings → Messages). */
export const MESSAGE_SENDER = `query MessageSender {
  organization { id name settings { messageSender { name replyTo } } }
}`;

export const UPDATE_MESSAGE_SENDER = `mutation UpdateMessageSender($settings: OrganizationSettingsInput!) {
  updateOrganizationSettings(settings: $settings) {
    __typename
    ... on MutationUpdateOrganizationSettingsSuccess { data { messageSender { name replyTo } } }
    ${ERRORS}
  }
}`;

export const UPDATE_SURVEY_TRIGGERS = `mutation UpdateSurveyTriggers($settings: OrganizationSettingsInput!) {
  updateOrganizationSettings(settings: $settings) {
    __typename
    ... on MutationUpdateOrganizationSettingsSuccess { data { surveyTriggers { ${TRIGGER_FIELDS} } } }
    ${ERRORS}
  }
}`;

export const AUDIT_LOG = `query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {
  auditLog(first: $first, after: $after, filter: $filter) {
    ${CONNECTION('id at actorKind actorName operation targets requestId')}
  }
}`;

export const UPSERT_CUSTOMER = `mutation UpsertCustomer($input: UpsertCustomerInput!) {
  upsertCustomer(input: $input) {
    __typename
    ... on MutationUpsertCustomerSuccess { data { id } }
    ${ERRORS}
  }
}`;

const IMPORT_FIELDS = `id kind status fileName rows validRows invalidRows appliedRows alreadyImportedRows
  columns mapping { column field }`;

/** Sent as a multipart upload (services/imports.ts): the file travels as variables.input.file. */
export const START_IMPORT = `mutation StartImport($input: StartImportInput!) {
  startImport(input: $input) {
    __typename
    ... on MutationStartImportSuccess {
      data { ${IMPORT_FIELDS} errors(first: 100) { totalCount edges { node { line field message } } } }
    }
    ${ERRORS}
  }
}`;

export const APPLY_IMPORT = `mutation ApplyImport($id: ID!) {
  applyImport(id: $id) {
    __typename
    ... on MutationApplyImportSuccess { data { ${IMPORT_FIELDS} } }
    ${ERRORS}
  }
}`;

export const IMPORT_CHANGED = `subscription ImportChanged($id: ID!) { importChanged(id: $id) { ${IMPORT_FIELDS} } }`;

/** After a reconnect, or to read the end it may have missed: the import as it stands. */
export const IMPORT_STATE = `query ImportState($id: ID!) { node(id: $id) { ... on Import { ${IMPORT_FIELDS} } } }`;

export const IMPORT_FAILED_ROWS = `query ImportFailedRows($id: ID!) { node(id: $id) { ... on Import { failedRowsCsv } } }`;

export const RECENT_IMPORTS = `query RecentImports($first: Int!) {
  imports(first: $first) { edges { node { id kind status fileName rows validRows invalidRows appliedRows createdAt } } }
}`;
