"""Body blocks shared by every catalogue page; each block renders with its own template."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        help_text=_("Describe the picture for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=120)
    images = blocks.ListBlock(ImageBlock(), min_num=2, label=_("images"))

    class Meta:
        icon = "image"
        template = "blocks/gallery_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("link text"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("paragraph"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        template="blocks/paragraph_block.html",
    )
    image = ImageBlock(label=_("image"))
    gallery = GalleryBlock(label=_("gallery"))
    quote = QuoteBlock(label=_("quote"))
    table = TableBlock(label=_("table"), template="blocks/table_block.html")
    document = DocumentBlock(label=_("document download"))
