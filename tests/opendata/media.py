import io


def png_bytes(size=(8, 6)):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 120, 60)).save(buffer, format="PNG")
    return buffer.getvalue()
