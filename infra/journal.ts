import { Tags, Validations, type App, type StackProps } from 'aws-cdk-lib'
import { AwsSolutionsChecks } from 'cdk-nag'
import type { JournalConfig } from './config.js'
import { AlarmsStack } from './stacks/alarms-stack.js'
import { ApiStack } from './stacks/api-stack.js'
import { DataStack } from './stacks/data-stack.js'
import { JobsStack } from './stacks/jobs-stack.js'
import { PublishStack } from './stacks/publish-stack.js'
import { SiteStack } from './stacks/site-stack.js'

export interface JournalStacks {
  data: DataStack
  api: ApiStack
  jobs: JobsStack
  site: SiteStack
  publish: PublishStack
  alarms: AlarmsStack
}

/**
 * The whole journal in stacks split by lifecycle: data (kept forever), api, jobs, site, publish
 * (each replaceable) and alarms (watching all of them). cdk-nag's AWS Solutions checks run on
 * every synthesis; a finding that is not acknowledged with a reason fails it.
 */
export function createJournal(app: App, config: JournalConfig): JournalStacks {
  const props = (description: string): StackProps => ({
    description: `Open Agenda Journal (${config.person}): ${description}`,
    ...(config.env ? { env: config.env } : {}),
  })
  const name = (part: string) => `${config.stackPrefix}-${part}`

  const data = new DataStack(app, name('Data'), props('the journal table'))
  const site = new SiteStack(app, name('Site'), { ...props('the public site on S3 and CloudFront'), config })
  const api = new ApiStack(app, name('Api'), {
    ...props('the HTTP API'),
    config,
    table: data.table,
    siteUrl: site.siteUrl,
  })
  const jobs = new JobsStack(app, name('Jobs'), { ...props('the weekly digest schedule'), config, table: data.table })
  const publish = new PublishStack(app, name('Publish'), {
    ...props('the stream-triggered site build'),
    config,
    table: data.table,
    siteBucket: site.bucket,
    distribution: site.distribution,
    publisherPolicy: site.publisherPolicy,
    siteUrl: site.siteUrl,
  })
  const alarms = new AlarmsStack(app, name('Alarms'), {
    ...props('alarms on an SNS topic'),
    config,
    functions: { Api: api.handler, Admin: api.admin, Digest: jobs.digest, Publish: publish.trigger },
    httpApi: api.httpApi,
    deadLetterQueues: [jobs.deadLetters, publish.deadLetters, publish.failedRequests],
    buildProject: publish.project,
  })

  for (const stack of [data, api, jobs, site, publish, alarms]) {
    Tags.of(stack).add('app', 'open-agenda-journal')
    Tags.of(stack).add('journal-person', config.person)
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app))
  return { data, api, jobs, site, publish, alarms }
}
