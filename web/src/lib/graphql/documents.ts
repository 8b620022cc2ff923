// Every GraphQL operation the dashboard sends: the contract's names (../shared/contract.graphql)
// and, for what the contract leaves open (staff, settings), the API's printed schema
// (api/schema.graphql). gql.tada types each from the schema (tada.ts); documents.test.ts validates
// each against both. Only literal strings: gql.tada cannot read an interpolated one, so shared
// selections are fragments passed as the second argument. A `*_FIELDS` export is a fragment.
import { graphql } from './tada';

/**
 * What a mutation's errors as data carry: every error its message, a ValidationError the fields.
 * It validates on a result union without ValidationError too: there it selects only the message.
 */
export const ERROR_FIELDS = graphql(`
  fragment ErrorFields on Error {
    message
    ... on ValidationError {
      fieldErrors {
        path
        message
      }
    }
  }
`);

/** `$timeZone`: the reader's zone, so times in an alert's text read as the page's own times. */
export const ALERT_FIELDS = graphql(`
  fragment BoardAlert on Alert {
    id
    kind
    severity
    status
    topSpender
    title(timeZone: $timeZone)
    message(timeZone: $timeZone)
    createdAt
    updatedAt
    acknowledgedAt
    customer {
      id
      name
    }
    incident {
      id
      title
    }
    assignee {
      id
      name
    }
    acknowledgedBy {
      id
      name
    }
  }
`);

export const OPEN_ALERTS = graphql(
  `
    query OpenAlerts($first: Int!, $after: String, $timeZone: String) {
      alerts(first: $first, after: $after, filter: { statuses: [OPEN, ACKNOWLEDGED] }) {
        edges {
          node {
            ...BoardAlert
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  `,
  [ALERT_FIELDS],
);

/** After a reconnect: everything created or changed since the newest version the board has seen. */
export const ALERTS_SINCE = graphql(
  `
    query AlertsSince($since: DateTime!, $first: Int!, $after: String, $timeZone: String) {
      alerts(first: $first, after: $after, since: $since) {
        edges {
          node {
            ...BoardAlert
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [ALERT_FIELDS],
);

export const ALERT_RAISED = graphql(
  `
    subscription AlertRaised($timeZone: String) {
      alertRaised {
        ...BoardAlert
      }
    }
  `,
  [ALERT_FIELDS],
);

/** A customer's risk changed: the customer page refetches when it is the one shown. */
export const CHURN_RISK_CHANGED = graphql(`
  subscription ChurnRiskChanged {
    churnRiskChanged {
      id
    }
  }
`);

export const ALERT_UPDATED = graphql(
  `
    subscription AlertUpdated($timeZone: String) {
      alertUpdated {
        ...BoardAlert
      }
    }
  `,
  [ALERT_FIELDS],
);

export const ACKNOWLEDGE_ALERT = graphql(
  `
    mutation AcknowledgeAlert($id: ID!, $timeZone: String) {
      acknowledgeAlert(id: $id) {
        __typename
        ... on MutationAcknowledgeAlertSuccess {
          data {
            ...BoardAlert
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ALERT_FIELDS, ERROR_FIELDS],
);

export const ASSIGN_ALERT = graphql(
  `
    mutation AssignAlert($input: AssignAlertInput!, $timeZone: String) {
      assignAlert(input: $input) {
        __typename
        ... on MutationAssignAlertSuccess {
          data {
            ...BoardAlert
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ALERT_FIELDS, ERROR_FIELDS],
);

export const RESOLVE_ALERT = graphql(
  `
    mutation ResolveAlert($id: ID!, $timeZone: String) {
      resolveAlert(id: $id) {
        __typename
        ... on MutationResolveAlertSuccess {
          data {
            ...BoardAlert
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ALERT_FIELDS, ERROR_FIELDS],
);

/** The board's bulk actions: many alerts in one request, all or nothing. */
export const ACKNOWLEDGE_ALERTS = graphql(
  `
    mutation AcknowledgeAlerts($ids: [ID!]!, $timeZone: String) {
      acknowledgeAlerts(ids: $ids) {
        __typename
        ... on MutationAcknowledgeAlertsSuccess {
          data {
            ...BoardAlert
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ALERT_FIELDS, ERROR_FIELDS],
);

export const ASSIGN_ALERTS = graphql(
  `
    mutation AssignAlerts($input: AssignAlertsInput!, $timeZone: String) {
      assignAlerts(input: $input) {
        __typename
        ... on MutationAssignAlertsSuccess {
          data {
            ...BoardAlert
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ALERT_FIELDS, ERROR_FIELDS],
);

export const RESOLVE_ALERTS = graphql(
  `
    mutation ResolveAlerts($ids: [ID!]!, $timeZone: String) {
      resolveAlerts(ids: $ids) {
        __typename
        ... on MutationResolveAlertsSuccess {
          data {
            ...BoardAlert
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ALERT_FIELDS, ERROR_FIELDS],
);

export const STAFF_USER_FIELDS = graphql(`
  fragment StaffUser on User {
    id
    name
    email
    role
    locale
    active
  }
`);

/** The staff members an alert or incident can be assigned to (MANAGER and ADMIN may read it). */
export const STAFF = graphql(
  `
    query Staff {
      users {
        ...StaffUser
      }
    }
  `,
  [STAFF_USER_FIELDS],
);

export const CUSTOMERS = graphql(`
  query Customers($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrderBy) {
    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges {
        node {
          id
          externalId
          name
          email
          tier
          pointsBalance
          lastPersonalContactAt
          risk {
            score
            level
            factors {
              code
              points
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

/** One explained part of the engagement or satisfaction score, in the reader's language. */
export const SCORE_PART_FIELDS = graphql(`
  fragment ScorePartFields on ScorePart {
    code
    points
    count
    explanation(locale: $locale)
  }
`);

/**
 * The customer page: everything the API serves about one customer, sentences in the reader's
 * language. The API refuses a query costing more than 10 000 (graphql-armor: a literal `first`
 * multiplies what is below it), so the nested pages stay at 25; this one costs about 5 700.
 */
export const CUSTOMER = graphql(
  `
    query Customer($id: ID!, $locale: Locale!) {
      customer(ref: { id: $id }) {
        id
        externalId
        name
        email
        phone
        kind
        locale
        tier
        pointsBalance
        lastPersonalContactAt
        memberPageLastUsedAt
        createdAt
        engagement
        satisfaction
        satisfactionKnown
        engagementParts {
          ...ScorePartFields
        }
        satisfactionParts {
          ...ScorePartFields
        }
        accountManager {
          id
          name
        }
        consents {
          channel
          granted
        }
        risk {
          score
          level
          computedAt
          factors {
            code
            points
            explanation(locale: $locale)
          }
        }
        alerts(first: 10) {
          edges {
            node {
              id
              kind
              severity
              status
              title(locale: $locale)
              createdAt
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
          totalCount
        }
        pointsLedger(first: 25) {
          edges {
            node {
              id
              delta
              kind
              explanation(locale: $locale)
              balanceAfter
              expiresAt
              occurredAt
              createdAt
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
          totalCount
        }
        purchases(first: 25) {
          edges {
            node {
              id
              amount {
                amountMinor
                currency
              }
              occurredAt
              pointsEarned
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
          totalCount
        }
        interactions(first: 25) {
          edges {
            node {
              id
              channel
              direction
              kind
              personal
              occurredAt
              note
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
          totalCount
        }
      }
    }
  `,
  [SCORE_PART_FIELDS],
);

/**
 * The rest of a customer's timeline, one query each so every part appears as soon as the API
 * serves it (incidents and feedback: issue 7; redemptions: issue 6) and a missing one only hides
 * itself.
 */
export const CUSTOMER_INCIDENTS = graphql(`
  query CustomerIncidents($id: ID!) {
    customer(ref: { id: $id }) {
      id
      incidents(first: 25) {
        edges {
          node {
            id
            title
            category
            severity
            status
            openedAt
            resolvedAt
            slaDueAt
            slaBreached
            customerSatisfied
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
`);

export const CUSTOMER_FEEDBACK = graphql(`
  query CustomerFeedback($id: ID!) {
    customer(ref: { id: $id }) {
      id
      feedback(first: 25) {
        edges {
          node {
            id
            score
            option
            comment
            channel
            occurredAt
            survey {
              id
              kind
              question
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
`);

export const CUSTOMER_REDEMPTIONS = graphql(`
  query CustomerRedemptions($id: ID!) {
    customer(ref: { id: $id }) {
      id
      redemptions(first: 25) {
        edges {
          node {
            id
            points
            status
            createdAt
            cancelledAt
            reward {
              id
              name
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
`);

/** One message to a customer, as the outbox keeps it. */
export const MESSAGE_FIELDS = graphql(`
  fragment MessageFields on Message {
    id
    kind
    channel
    status
    scheduledFor
    sentAt
    subject
    body
    reasons
    nextAllowedAt
  }
`);

export const CUSTOMER_MESSAGES = graphql(
  `
    query CustomerMessages($id: ID!) {
      customer(ref: { id: $id }) {
        id
        messages(first: 25) {
          edges {
            node {
              ...MessageFields
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
          totalCount
        }
      }
    }
  `,
  [MESSAGE_FIELDS],
);

export const INVITE_TO_SURVEY = graphql(
  `
    mutation InviteToSurvey($input: InviteToSurveyInput!) {
      inviteToSurvey(input: $input) {
        __typename
        ... on MutationInviteToSurveySuccess {
          data {
            id
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

/** "Customers to thank" (PRODUCT.md), longest-standing first. */
export const CUSTOMERS_TO_THANK = graphql(`
  query CustomersToThank($first: Int!, $after: String) {
    customersToThank(first: $first, after: $after) {
      edges {
        node {
          id
          name
          email
          tier
          engagement
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

export const THANK_CUSTOMERS = graphql(
  `
    mutation ThankCustomers($input: ThankCustomersInput!) {
      thankCustomers(input: $input) {
        __typename
        ... on MutationThankCustomersSuccess {
          data {
            id
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

export const SEND_MEMBER_LINK = graphql(
  `
    mutation SendMemberLink($customer: CustomerRef!) {
      sendMemberLink(customer: $customer) {
        __typename
        ... on MutationSendMemberLinkSuccess {
          data {
            id
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

export const MESSAGES = graphql(
  `
    query Messages($first: Int!, $after: String, $filter: MessageFilter) {
      messages(first: $first, after: $after, filter: $filter) {
        edges {
          node {
            ...MessageFields
            customer {
              id
              name
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  `,
  [MESSAGE_FIELDS],
);

export const RECORD_INTERACTION = graphql(
  `
    mutation RecordInteraction($input: RecordInteractionInput!) {
      recordInteraction(input: $input) {
        __typename
        ... on MutationRecordInteractionSuccess {
          data {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

export const REPORT_INCIDENT = graphql(
  `
    mutation ReportIncident($input: ReportIncidentInput!) {
      reportIncident(input: $input) {
        __typename
        ... on MutationReportIncidentSuccess {
          data {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

export const REDEEM_REWARD = graphql(
  `
    mutation RedeemReward($input: RedeemRewardInput!) {
      redeemReward(input: $input) {
        __typename
        ... on MutationRedeemRewardSuccess {
          data {
            id
          }
        }
        ... on InsufficientPointsError {
          balance
          required
        }
        ... on TierTooLowError {
          requiredTier
          customerTier
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

export const ADJUST_POINTS = graphql(
  `
    mutation AdjustPoints($input: AdjustPointsInput!) {
      adjustPoints(input: $input) {
        __typename
        ... on MutationAdjustPointsSuccess {
          data {
            id
          }
        }
        ... on InsufficientPointsError {
          balance
          required
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

export const INCIDENT_FIELDS = graphql(`
  fragment IncidentFields on Incident {
    id
    title
    description
    category
    severity
    status
    source
    openedAt
    firstResponseAt
    resolvedAt
    slaDueAt
    slaBreached
    resolution
    customerSatisfied
    owner {
      id
      name
    }
    customer {
      id
      name
    }
  }
`);

/** Most urgent first; the API pages at most 100. */
export const INCIDENTS = graphql(
  `
    query Incidents($first: Int!, $after: String, $filter: IncidentFilter) {
      incidents(first: $first, after: $after, filter: $filter) {
        edges {
          node {
            ...IncidentFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  `,
  [INCIDENT_FIELDS],
);

export const INCIDENT_CHANGED = graphql(
  `
    subscription IncidentChanged {
      incidentChanged {
        ...IncidentFields
      }
    }
  `,
  [INCIDENT_FIELDS],
);

export const UPDATE_INCIDENT = graphql(
  `
    mutation UpdateIncident($input: UpdateIncidentInput!) {
      updateIncident(input: $input) {
        __typename
        ... on MutationUpdateIncidentSuccess {
          data {
            ...IncidentFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [INCIDENT_FIELDS, ERROR_FIELDS],
);

export const RESOLVE_INCIDENT = graphql(
  `
    mutation ResolveIncident($input: ResolveIncidentInput!) {
      resolveIncident(input: $input) {
        __typename
        ... on MutationResolveIncidentSuccess {
          data {
            ...IncidentFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [INCIDENT_FIELDS, ERROR_FIELDS],
);

/** Answers and comments, newest first. */
export const FEEDBACK = graphql(`
  query Feedback($first: Int!, $after: String) {
    feedback(first: $first, after: $after) {
      edges {
        node {
          id
          score
          option
          comment
          channel
          occurredAt
          survey {
            id
            kind
            question
          }
          customer {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

/** NPS per week or month, empty buckets included (their `nps` is null). */
export const NPS_TREND = graphql(`
  query NpsTrend($from: DateTime!, $to: DateTime!, $bucket: TrendBucket!) {
    npsTrend(from: $from, to: $to, bucket: $bucket) {
      start
      end
      label
      answers
      nps
    }
  }
`);

export const SURVEY_FIELDS = graphql(`
  fragment SurveyFields on Survey {
    id
    kind
    question
    options
    participationPoints
    active
    answerCount
    invitationStats {
      sent
      skipped
      answered
      responseRate
      topSkipReasons {
        reason
        count
      }
    }
  }
`);

export const SURVEYS = graphql(
  `
    query Surveys {
      surveys {
        ...SurveyFields
      }
    }
  `,
  [SURVEY_FIELDS],
);

export const UPDATE_SURVEY = graphql(
  `
    mutation UpdateSurvey($input: UpdateSurveyInput!) {
      updateSurvey(input: $input) {
        __typename
        ... on MutationUpdateSurveySuccess {
          data {
            ...SurveyFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [SURVEY_FIELDS, ERROR_FIELDS],
);

export const CREATE_SURVEY = graphql(
  `
    mutation CreateSurvey($input: CreateSurveyInput!) {
      createSurvey(input: $input) {
        __typename
        ... on MutationCreateSurveySuccess {
          data {
            ...SurveyFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [SURVEY_FIELDS, ERROR_FIELDS],
);

export const REWARD_FIELDS = graphql(`
  fragment RewardFields on Reward {
    id
    name
    description
    pointsCost
    kind
    unitCost {
      amountMinor
      currency
    }
    stock
    minimumTier
    active
  }
`);

export const REWARDS = graphql(
  `
    query Rewards {
      rewards {
        ...RewardFields
      }
    }
  `,
  [REWARD_FIELDS],
);

export const CREATE_REWARD = graphql(
  `
    mutation CreateReward($input: CreateRewardInput!) {
      createReward(input: $input) {
        __typename
        ... on MutationCreateRewardSuccess {
          data {
            ...RewardFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [REWARD_FIELDS, ERROR_FIELDS],
);

export const UPDATE_REWARD = graphql(
  `
    mutation UpdateReward($input: UpdateRewardInput!) {
      updateReward(input: $input) {
        __typename
        ... on MutationUpdateRewardSuccess {
          data {
            ...RewardFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [REWARD_FIELDS, ERROR_FIELDS],
);

/** What rewards cost in a period and the retention they bought. */
export const ECONOMICS_FIGURES_FIELDS = graphql(`
  fragment Figures on EconomicsFigures {
    redemptions
    cancelled
    pointsBurned
    cost {
      amountMinor
      currency
    }
    retention {
      redeemers
      redeemersRetained
      redeemerRate
      baselineRate
      extraRetained
      uncompared
    }
    costPerExtraRetained {
      amountMinor
      currency
    }
  }
`);

/** Per reward and in total, for a period (PRODUCT.md "Program economics"); managers only. */
export const PROGRAM_ECONOMICS = graphql(
  `
    query ProgramEconomics($from: DateTime!, $to: DateTime!, $locale: Locale) {
      programEconomics(from: $from, to: $to) {
        __typename
        ... on QueryProgramEconomicsSuccess {
          data {
            from
            to
            currency
            method(locale: $locale)
            total {
              ...Figures
            }
            rewards {
              reward {
                id
                name
              }
              ...Figures
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ECONOMICS_FIGURES_FIELDS, ERROR_FIELDS],
);

export const MEMBER_PAGE_SETTINGS = graphql(`
  query MemberPageSettings {
    organization {
      id
      slug
      memberSigningSecretCreatedAt
    }
  }
`);

export const CREATE_MEMBER_SIGNING_SECRET = graphql(
  `
    mutation CreateMemberSigningSecret {
      createMemberSigningSecret {
        __typename
        ... on MutationCreateMemberSigningSecretSuccess {
          data {
            secret
            createdAt
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

export const API_KEY_FIELDS = graphql(`
  fragment ApiKeyFields on ApiKey {
    id
    name
    scopes
    prefix
    lastUsedAt
    revokedAt
    createdAt
  }
`);

export const API_KEYS = graphql(
  `
    query ApiKeys {
      apiKeys {
        ...ApiKeyFields
      }
    }
  `,
  [API_KEY_FIELDS],
);

export const CREATE_API_KEY = graphql(
  `
    mutation CreateApiKey($input: CreateApiKeyInput!) {
      createApiKey(input: $input) {
        __typename
        ... on MutationCreateApiKeySuccess {
          data {
            secret
            apiKey {
              ...ApiKeyFields
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [API_KEY_FIELDS, ERROR_FIELDS],
);

export const REVOKE_API_KEY = graphql(
  `
    mutation RevokeApiKey($id: ID!) {
      revokeApiKey(id: $id) {
        __typename
        ... on MutationRevokeApiKeySuccess {
          data {
            ...ApiKeyFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [API_KEY_FIELDS, ERROR_FIELDS],
);

export const WEBHOOK_ENDPOINTS = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      id
      url
      description
      eventTypes
      status
      disabledReason
      failureStreak
      failingSince
      createdAt
      deliveries(first: 10) {
        totalCount
        edges {
          node {
            id
            status
            nextAttemptAt
            event {
              id
              type
              occurredAt
            }
            attempts {
              at
              statusCode
              durationMs
              response
              error
            }
          }
        }
      }
    }
  }
`);

/** Every dashboard page asks this of an ADMIN: an endpoint the worker disabled needs someone. */
export const WEBHOOK_NOTICE = graphql(`
  query WebhookNotice {
    webhookEndpoints {
      id
      url
      status
      failingSince
    }
  }
`);

export const CREATE_WEBHOOK_ENDPOINT = graphql(
  `
    mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
      createWebhookEndpoint(input: $input) {
        __typename
        ... on MutationCreateWebhookEndpointSuccess {
          data {
            secret
            endpoint {
              id
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

export const UPDATE_WEBHOOK_ENDPOINT = graphql(
  `
    mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
      updateWebhookEndpoint(input: $input) {
        __typename
        ... on MutationUpdateWebhookEndpointSuccess {
          data {
            id
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

export const ROTATE_WEBHOOK_SECRET = graphql(
  `
    mutation RotateWebhookSecret($id: ID!) {
      rotateWebhookSecret(id: $id) {
        __typename
        ... on MutationRotateWebhookSecretSuccess {
          data {
            secret
            endpoint {
              id
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

export const DELETE_WEBHOOK_ENDPOINT = graphql(
  `
    mutation DeleteWebhookEndpoint($id: ID!) {
      deleteWebhookEndpoint(id: $id) {
        __typename
        ... on MutationDeleteWebhookEndpointSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

export const SEND_TEST_WEBHOOK = graphql(
  `
    mutation SendTestWebhook($endpointId: ID!) {
      sendTestWebhook(endpointId: $endpointId) {
        __typename
        ... on MutationSendTestWebhookSuccess {
          data {
            id
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

export const REDELIVER_WEBHOOK = graphql(
  `
    mutation RedeliverWebhook($deliveryId: ID!) {
      redeliverWebhook(deliveryId: $deliveryId) {
        __typename
        ... on MutationRedeliverWebhookSuccess {
          data {
            id
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

export const RECOVER_WEBHOOK_DELIVERIES = graphql(`
  mutation RecoverWebhookDeliveries($endpointId: ID!, $since: DateTime!) {
    recoverWebhookDeliveries(endpointId: $endpointId, since: $since)
  }
`);

export const SETTINGS_FIELDS = graphql(`
  fragment Settings on OrganizationSettings {
    defaultLocale
    defaultCurrency
    loyalty {
      earnRates {
        currency
        points
        per
      }
      pointsExpiryMonths
      tierThresholds {
        SILVER
        GOLD
      }
    }
    risk {
      twoStrikes
      threeStrikes
      badExperience
      unresolvedIncident
      unresolvedIncidentMax
      slaBreached
      ignored45
      ignored90
      ignored180
      detractor
      passive
      engagementDrop
      staffConcern
      recovered
      promoter
      levels {
        MEDIUM
        HIGH
        CRITICAL
      }
    }
    engagement {
      inboundInteraction {
        each
        max
      }
      purchase {
        each
        max
      }
      feedback {
        each
        max
      }
      redemption {
        each
        max
      }
    }
    satisfactionHalfLifeDays
    slaHours {
      LOW
      MEDIUM
      HIGH
      CRITICAL
    }
    contactCap {
      max
      days
    }
  }
`);

/** The organization's name and its rules. */
export const ORGANIZATION = graphql(
  `
    query Organization {
      organization {
        id
        name
        settings {
          ...Settings
        }
      }
    }
  `,
  [SETTINGS_FIELDS],
);

/** Only what is given changes. */
export const UPDATE_ORGANIZATION_SETTINGS = graphql(
  `
    mutation UpdateOrganizationSettings($settings: OrganizationSettingsInput!) {
      updateOrganizationSettings(settings: $settings) {
        __typename
        ... on MutationUpdateOrganizationSettingsSuccess {
          data {
            ...Settings
          }
        }
        ...ErrorFields
      }
    }
  `,
  [SETTINGS_FIELDS, ERROR_FIELDS],
);

/** Without a password the API generates one and returns it once. */
export const CREATE_USER = graphql(
  `
    mutation CreateUser($input: CreateUserInput!) {
      createUser(input: $input) {
        __typename
        ... on MutationCreateUserSuccess {
          data {
            user {
              ...StaffUser
            }
            initialPassword
          }
        }
        ...ErrorFields
      }
    }
  `,
  [STAFF_USER_FIELDS, ERROR_FIELDS],
);

export const UPDATE_USER = graphql(
  `
    mutation UpdateUser($input: UpdateUserInput!) {
      updateUser(input: $input) {
        __typename
        ... on MutationUpdateUserSuccess {
          data {
            ...StaffUser
          }
        }
        ...ErrorFields
      }
    }
  `,
  [STAFF_USER_FIELDS, ERROR_FIELDS],
);

export const DEACTIVATE_USER = graphql(
  `
    mutation DeactivateUser($id: ID!) {
      deactivateUser(id: $id) {
        __typename
        ... on MutationDeactivateUserSuccess {
          data {
            ...StaffUser
          }
        }
        ...ErrorFields
      }
    }
  `,
  [STAFF_USER_FIELDS, ERROR_FIELDS],
);

// ---------- team pulse ----------
export const TEAM_FIELDS = graphql(`
  fragment TeamFields on Team {
    id
    name
    members {
      id
      name
    }
  }
`);

export const PULSE_ROUND_FIELDS = graphql(`
  fragment PulseRoundFields on PulseRound {
    id
    opensAt
    closesAt
    status
    invited
    answered
  }
`);

export const TEAMS = graphql(
  `
    query Teams {
      teams {
        ...TeamFields
      }
    }
  `,
  [TEAM_FIELDS],
);

export const CREATE_TEAM = graphql(
  `
    mutation CreateTeam($input: CreateTeamInput!) {
      createTeam(input: $input) {
        __typename
        ... on MutationCreateTeamSuccess {
          data {
            ...TeamFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [TEAM_FIELDS, ERROR_FIELDS],
);

export const UPDATE_TEAM = graphql(
  `
    mutation UpdateTeam($input: UpdateTeamInput!) {
      updateTeam(input: $input) {
        __typename
        ... on MutationUpdateTeamSuccess {
          data {
            ...TeamFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [TEAM_FIELDS, ERROR_FIELDS],
);

export const PULSE_ROUNDS = graphql(
  `
    query PulseRounds {
      pulseRounds {
        ...PulseRoundFields
      }
    }
  `,
  [PULSE_ROUND_FIELDS],
);

export const OPEN_PULSE_ROUND = graphql(
  `
    mutation OpenPulseRound {
      openPulseRound {
        __typename
        ... on MutationOpenPulseRoundSuccess {
          data {
            ...PulseRoundFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [PULSE_ROUND_FIELDS, ERROR_FIELDS],
);

export const CLOSE_PULSE_ROUND = graphql(
  `
    mutation ClosePulseRound($id: ID!) {
      closePulseRound(id: $id) {
        __typename
        ... on MutationClosePulseRoundSuccess {
          data {
            ...PulseRoundFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [PULSE_ROUND_FIELDS, ERROR_FIELDS],
);

export const PULSE_SETTING_FIELDS = graphql(`
  fragment PulseSettingFields on PulseSettings {
    monthly
    openDays
    threshold
  }
`);

export const PULSE_SETTINGS = graphql(
  `
    query PulseSettings {
      organization {
        id
        settings {
          pulse {
            ...PulseSettingFields
          }
        }
      }
    }
  `,
  [PULSE_SETTING_FIELDS],
);

export const UPDATE_PULSE_SETTINGS = graphql(
  `
    mutation UpdatePulseSettings($settings: OrganizationSettingsInput!) {
      updateOrganizationSettings(settings: $settings) {
        __typename
        ... on MutationUpdateOrganizationSettingsSuccess {
          data {
            pulse {
              ...PulseSettingFields
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [PULSE_SETTING_FIELDS, ERROR_FIELDS],
);

export const MY_PENDING_PULSE = graphql(`
  query MyPendingPulse {
    myPendingPulse {
      token
      questions
      round {
        id
        closesAt
      }
    }
  }
`);

export const ANSWER_PULSE = graphql(
  `
    mutation AnswerPulse($input: AnswerPulseInput!) {
      answerPulse(input: $input) {
        __typename
        ... on MutationAnswerPulseSuccess {
          data {
            id
            answered
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

export const SERVICE_CHAIN = graphql(`
  query ServiceChain($months: Int) {
    serviceChain(months: $months) {
      months
      correlation
      explanation
      teams {
        team {
          id
          name
        }
        customers
        nps
        ignoredCustomers
        slaBreaches
        recoveries
        riskDistribution {
          level
          count
        }
        byMonth {
          month
          nps
          slaBreaches
          recoveries
        }
      }
      pulse {
        team {
          id
        }
        round {
          id
          opensAt
          status
        }
        answers
        shown
        enps
        questions {
          question
          average
        }
        comments
      }
    }
  }
`);

export const FLAG_CONCERN = graphql(
  `
    mutation FlagConcern($input: FlagConcernInput!) {
      flagConcern(input: $input) {
        __typename
        ... on MutationFlagConcernSuccess {
          data {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

export const SURVEY_TRIGGER_FIELDS = graphql(`
  fragment SurveyTriggerFields on SurveyTriggers {
    csatAfterResolveSurveyId
    csatDelayMinutes
    npsSurveyId
    npsEveryMonths
    surveyCooldownDays
  }
`);

/** The survey triggers and the surveys they may name. */
export const SURVEY_TRIGGERS = graphql(
  `
    query SurveyTriggers {
      organization {
        id
        settings {
          surveyTriggers {
            ...SurveyTriggerFields
          }
        }
      }
      surveys {
        id
        kind
        question
        active
      }
    }
  `,
  [SURVEY_TRIGGER_FIELDS],
);

/** Who customers see an email from (Settings → Messages). */
export const MESSAGE_SENDER = graphql(`
  query MessageSender {
    organization {
      id
      name
      settings {
        messageSender {
          name
          replyTo
        }
      }
    }
  }
`);

export const UPDATE_MESSAGE_SENDER = graphql(
  `
    mutation UpdateMessageSender($settings: OrganizationSettingsInput!) {
      updateOrganizationSettings(settings: $settings) {
        __typename
        ... on MutationUpdateOrganizationSettingsSuccess {
          data {
            messageSender {
              name
              replyTo
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

export const UPDATE_SURVEY_TRIGGERS = graphql(
  `
    mutation UpdateSurveyTriggers($settings: OrganizationSettingsInput!) {
      updateOrganizationSettings(settings: $settings) {
        __typename
        ... on MutationUpdateOrganizationSettingsSuccess {
          data {
            surveyTriggers {
              ...SurveyTriggerFields
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [SURVEY_TRIGGER_FIELDS, ERROR_FIELDS],
);

export const AUDIT_LOG = graphql(`
  query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          id
          at
          actorKind
          actorName
          operation
          targets
          requestId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

export const UPSERT_CUSTOMER = graphql(
  `
    mutation UpsertCustomer($input: UpsertCustomerInput!) {
      upsertCustomer(input: $input) {
        __typename
        ... on MutationUpsertCustomerSuccess {
          data {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ERROR_FIELDS],
);

export const IMPORT_FIELDS = graphql(`
  fragment ImportFields on Import {
    id
    kind
    status
    fileName
    rows
    validRows
    invalidRows
    appliedRows
    alreadyImportedRows
    columns
    mapping {
      column
      field
    }
  }
`);

/** Sent as a multipart upload (services/imports.ts): the file travels as variables.input.file. */
export const START_IMPORT = graphql(
  `
    mutation StartImport($input: StartImportInput!) {
      startImport(input: $input) {
        __typename
        ... on MutationStartImportSuccess {
          data {
            ...ImportFields
            errors(first: 100) {
              totalCount
              edges {
                node {
                  line
                  field
                  message
                }
              }
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [IMPORT_FIELDS, ERROR_FIELDS],
);

export const APPLY_IMPORT = graphql(
  `
    mutation ApplyImport($id: ID!) {
      applyImport(id: $id) {
        __typename
        ... on MutationApplyImportSuccess {
          data {
            ...ImportFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [IMPORT_FIELDS, ERROR_FIELDS],
);

export const IMPORT_CHANGED = graphql(
  `
    subscription ImportChanged($id: ID!) {
      importChanged(id: $id) {
        ...ImportFields
      }
    }
  `,
  [IMPORT_FIELDS],
);

/** After a reconnect, or to read the end it may have missed: the import as it stands. */
export const IMPORT_STATE = graphql(
  `
    query ImportState($id: ID!) {
      node(id: $id) {
        ... on Import {
          ...ImportFields
        }
      }
    }
  `,
  [IMPORT_FIELDS],
);

export const IMPORT_FAILED_ROWS = graphql(`
  query ImportFailedRows($id: ID!) {
    node(id: $id) {
      ... on Import {
        failedRowsCsv
      }
    }
  }
`);

export const RECENT_IMPORTS = graphql(`
  query RecentImports($first: Int!) {
    imports(first: $first) {
      edges {
        node {
          id
          kind
          status
          fileName
          rows
          validRows
          invalidRows
          appliedRows
          createdAt
        }
      }
    }
  }
`);
