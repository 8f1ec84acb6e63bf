// The budget reference (DESIGN.md section 9): the least a Hono + DynamoDB-client Lambda can be.
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb'
import { Hono } from 'hono'
import { handle } from 'hono/aws-lambda'

const client = new DynamoDBClient({})
const app = new Hono()
app.get('/items/:id', async (c) => {
  const out = await client.send(
    new GetItemCommand({ TableName: 'journal', Key: { pk: { S: c.req.param('id') }, sk: { S: 'ITEM' } } }),
  )
  return c.json(out.Item ?? null)
})

export const handler = handle(app)
