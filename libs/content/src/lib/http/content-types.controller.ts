import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '@cong/accounts';
import { ContentTypeCatalog } from '../types/content-type-catalog';
import { ContentTypeResponse } from './content-types.response';

@ApiTags('content')
@ApiBearerAuth()
@Controller('content/types')
export class ContentTypesController {
  constructor(private readonly catalog: ContentTypeCatalog) {}

  @Get()
  @Requires('content.read')
  @ApiOperation({
    summary:
      "The content types the province's editors may write, for an editor form: each type's Vietnamese label and its fields (presence, list, kind, values with labels, uploads, limits, entry fields), each with its Vietnamese label",
  })
  @ApiOkResponse({ type: [ContentTypeResponse] })
  list(): ContentTypeResponse[] {
    return this.catalog.describeAll();
  }
}
