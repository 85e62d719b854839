import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@lumbung/identity';
import { ASSET_TYPE_TEMPLATES } from './asset-type-templates';
import { AssetTypeDto } from './dto/asset-type.dto';

@ApiTags('assets')
@Controller('asset-types')
export class AssetTypesController {
  @Get()
  @Public()
  @ApiOperation({ summary: 'Asset types and the template sections each asks for' })
  @ApiOkResponse({ type: [AssetTypeDto] })
  list(): AssetTypeDto[] {
    return ASSET_TYPE_TEMPLATES.map((t) => ({
      type: t.type,
      label: t.label,
      description: t.description,
      requiresAttachment: t.requiresAttachment,
      sections: t.sections.map((s) => ({ ...s })),
    }));
  }
}
