// GET /custom_attributes: the workspace's custom attributes with their metadata, 50 a call, alphabetical,
// and while more remain a Link header to the next call, as /events pages (BRAZE-EXPORT.md sections 0, 2.3
// and 3.4). Every attribute of the catalog is listed, whatever its status.
import { Type } from '@sinclair/typebox'
import type { CustomAttribute } from '../world/world.js'
import { defineEndpoint } from './define.js'
import { cursor, cursorPage, LINK_HEADER } from './events.js'
import { optional, Success } from './parameters.js'

export const customAttributes = defineEndpoint({
  path: '/custom_attributes',
  permission: 'custom_attributes.get',
  pool: 'custom-data',
  summary: 'Export custom attributes: the workspace\'s custom attributes with their metadata, 50 a call, alphabetical',
  parameters: { cursor: optional(cursor) },
  response: Type.Object({
    message: Success,
    attributes: Type.Array(Type.Object({
      array_length: Type.Union([Type.Integer(), Type.Null()], { description: 'The longest array it holds; null when not an array.' }),
      data_type: Type.String(),
      description: Type.String(),
      name: Type.String(),
      status: Type.Union([Type.Literal('Active'), Type.Literal('Inactive')]),
      tag_names: Type.Array(Type.String()),
    })),
  }),
  headers: LINK_HEADER,
  example: {},
  handle (request) {
    const { workspace, query } = request
    return { message: 'success', attributes: cursorPage(workspace.attributes, query.cursor, '/custom_attributes', request).map(item) }
  },
})

function item (attribute: CustomAttribute) {
  return {
    array_length: attribute.arrayLength,
    data_type: attribute.dataType,
    description: attribute.description,
    name: attribute.name,
    status: attribute.status,
    // The serialiser only reads it: no copy per item.
    tag_names: attribute.tags as string[],
  }
}
